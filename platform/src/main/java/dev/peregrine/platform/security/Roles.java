package dev.peregrine.platform.security;

/** The roles operator endpoints require. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";

    private Roles() {}
}
