package dev.peregrine.testkit;

import java.util.List;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Adds the real infrastructure's addresses and the {@link TestTokens} to the context of every
 * {@link PeregrineIntegrationTest}.
 */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean annotated = TestContextAnnotationUtils.hasAnnotation(testClass, PeregrineIntegrationTest.class)
                || MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                        .isPresent(PeregrineIntegrationTest.class);
        return annotated ? new RealInfrastructureCustomizer() : null;
    }

    /**
     * Puts the {@link TestTokens} under the test's own inlined properties (so a test may set other tokens) and above
     * the application's configuration (whose defaults read the tokens from the environment).
     */
    static void addTestTokens(MutablePropertySources sources) {
        MapPropertySource tokens = new MapPropertySource(TEST_TOKENS, TestTokens.springProperties());
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, tokens);
        } else {
            sources.addFirst(tokens);
        }
    }

    static final String TEST_TOKENS = "peregrineTestTokens";

    private static final class RealInfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            sources.addFirst(new MapPropertySource(
                    "peregrineRealInfrastructure", RealInfrastructure.get().springProperties()));
            addTestTokens(sources);
        }

        // All customizers are alike: contexts that differ only in this customizer can be cached and shared.
        @Override
        public boolean equals(Object other) {
            return other instanceof RealInfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return RealInfrastructureCustomizer.class.hashCode();
        }
    }
}
