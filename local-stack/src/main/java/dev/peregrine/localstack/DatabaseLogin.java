package dev.peregrine.localstack;

/**
 * A PostgreSQL user name and its password; the password never appears in {@link #toString()}.
 *
 * @param username the role to log in as
 * @param password its password
 */
record DatabaseLogin(String username, String password) {

    @Override
    public String toString() {
        return "DatabaseLogin[username=" + username + ", password=****]";
    }
}
