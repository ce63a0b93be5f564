package dev.peregrine.testkit;

import java.util.List;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Adds the real infrastructure's addresses to the context of every {@link PeregrineIntegrationTest}. */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean annotated = TestContextAnnotationUtils.hasAnnotation(testClass, PeregrineIntegrationTest.class)
                || MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                        .isPresent(PeregrineIntegrationTest.class);
        return annotated ? new RealInfrastructureCustomizer() : null;
    }

    private static final class RealInfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "peregrineRealInfrastructure",
                            RealInfrastructure.get().springProperties()));
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
