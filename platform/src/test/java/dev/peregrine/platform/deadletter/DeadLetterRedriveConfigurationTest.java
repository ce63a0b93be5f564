package dev.peregrine.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The re-drive endpoint is opt-in: without {@code peregrine.kafka.redrive.enabled=true} nothing of it exists. */
class DeadLetterRedriveConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(DeadLetterRedriveConfiguration.class);

    @Test
    void offUnlessEnabled() {
        runner.run(context -> assertThat(context)
                .doesNotHaveBean(DeadLetterRedriveController.class)
                .doesNotHaveBean(DeadLetterRedrive.class));
        runner.withPropertyValues("peregrine.kafka.redrive.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DeadLetterRedriveController.class));
    }

    @Test
    void aSelectionIsOnePartitionsRangeOrAllOfIt() {
        assertThat(new DeadLetterRedrive.Selection(null, null, null, 1).partition())
                .isNull();
        assertThat(new DeadLetterRedrive.Selection(2, 5L, 5L, 10).toOffset()).isEqualTo(5L);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeadLetterRedrive.Selection(null, null, 7L, 1))
                .withMessageContaining("partition");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeadLetterRedrive.Selection(0, -1L, null, 1))
                .withMessageContaining("fromOffset");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeadLetterRedrive.Selection(0, null, null, 0))
                .withMessageContaining("limit");
    }
}
