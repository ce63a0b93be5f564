package dev.peregrine.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.TopicAccess.Acl;
import dev.peregrine.common.TopicAccess.Operation;
import dev.peregrine.common.TopicAccess.Principal;
import dev.peregrine.common.TopicAccess.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TopicAccessTest {

    @Test
    void everyTopicHasAProducerAndTheTableNamesNoOtherTopic() {
        for (String topic : Topics.ALL) {
            assertThat(TopicAccess.writersOf(topic)).as(topic).isNotEmpty();
        }
        Set<String> known = new HashSet<>(Topics.ALL);
        Topics.ALL.forEach(topic -> known.add(Topics.deadLetterOf(topic)));
        for (Principal principal : TopicAccess.PRINCIPALS) {
            Stream.of(principal.writes(), principal.consumes(), principal.inspects())
                    .flatMap(List::stream)
                    .forEach(topic -> assertThat(known).as(principal.name()).contains(topic));
        }
        assertThat(TopicAccess.PRINCIPALS.stream()
                        .map(Principal::name)
                        .distinct()
                        .count())
                .isEqualTo(TopicAccess.PRINCIPALS.size());
    }

    @Test
    void onlyRiskWritesOrderIntentsAndOnlyTheMonitorAndOperatorsStrategyCommands() {
        assertThat(TopicAccess.writersOf(Topics.ORDERS_INTENTS)).containsExactly(TopicAccess.RISK);
        assertThat(TopicAccess.writersOf(Topics.STRATEGY_COMMANDS))
                .containsExactly(TopicAccess.MONITOR, TopicAccess.OPERATOR);
        assertThat(TopicAccess.writersOf(Topics.MARKET_CANDLES)).containsExactly(TopicAccess.INGEST);
        assertThat(TopicAccess.writersOf(Topics.EXECUTION_REPORTS)).containsExactly(TopicAccess.EXECUTION);
        assertThat(TopicAccess.principal(TopicAccess.SIGNAL).mayWrite(Topics.ORDERS_INTENTS))
                .isFalse();
        assertThat(TopicAccess.principal(TopicAccess.OPERATOR).mayRead(Topics.deadLetterOf(Topics.ORDERS_INTENTS)))
                .isTrue();
    }

    @Test
    void aDeadLetterTopicIsWrittenByTheConsumersOfItsTopicOnlyAndReadByItsProducers() {
        for (String topic : Topics.ALL) {
            String deadLetters = Topics.deadLetterOf(topic);
            List<String> consumers = TopicAccess.PRINCIPALS.stream()
                    .filter(p -> p.consumes().contains(topic))
                    .map(Principal::name)
                    .toList();
            assertThat(TopicAccess.writersOf(deadLetters)).as(deadLetters).containsExactlyElementsOf(consumers);
            for (String producer : TopicAccess.writersOf(topic)) {
                assertThat(TopicAccess.principal(producer).mayRead(deadLetters))
                        .as(producer + " re-drives " + deadLetters)
                        .isTrue();
            }
        }
    }

    @Test
    void nothingIsGrantedOnEveryTopicButDescribe() {
        for (Acl acl : TopicAccess.allAcls()) {
            if (acl.name().equals(TopicAccess.ANY)) {
                assertThat(acl.operation()).as(acl.toString()).isEqualTo(Operation.DESCRIBE);
                assertThat(acl.resourceType()).isEqualTo(ResourceType.TOPIC);
            }
        }
        // Only consumers hold groups: a principal without listeners joins none.
        assertThat(TopicAccess.acls(TopicAccess.principal(TopicAccess.INGEST)))
                .noneMatch(acl -> acl.resourceType() == ResourceType.GROUP);
    }

    @Test
    void docsArchitecturePrintsTheTable() throws IOException {
        Path doc = repositoryRoot().resolve("docs/architecture.md");
        assertThat(Files.readString(doc))
                .as(
                        "docs/architecture.md must carry TopicAccess.markdownTable() verbatim:%n%s",
                        TopicAccess.markdownTable())
                .contains(TopicAccess.markdownTable());
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/architecture.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above the working directory").isNotNull();
        return dir;
    }
}
