package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReadmeCommandTest {

    @Test
    void joinsContinuedLinesAndDropsTrailingComments() {
        String markdown = String.join("\n",
                "Intro text with `code`.",
                "```bash",
                "./platform up                # start in the background",
                "",
                "curl -s -XPOST localhost:18080/orders \\",
                "  -d '{\"sku\":\"#1\"}'",
                "```",
                "```text",
                "not a command",
                "```",
                "```bash",
                "mvn verify  # tests",
                "```");

        List<ReadmeCommand> commands = ReadmeCommand.parse(markdown);

        assertThat(commands).containsExactly(new ReadmeCommand(3, "./platform up"),
                new ReadmeCommand(5, "curl -s -XPOST localhost:18080/orders -d '{\"sku\":\"#1\"}'"), new ReadmeCommand(12, "mvn verify"));
    }

    @Test
    void splitsWordsOutsideQuotes() {
        assertThat(new ReadmeCommand(1, "curl -su \"a:$(grep x f | cut -d= -f2-)\" 'localhost:19200/o?q=s:C&size=3'").words())
                .containsExactly("curl", "-su", "\"a:$(grep x f | cut -d= -f2-)\"", "'localhost:19200/o?q=s:C&size=3'");
    }
}
