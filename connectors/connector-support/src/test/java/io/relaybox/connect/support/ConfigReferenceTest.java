package io.relaybox.connect.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    /** Groups in the order of their first key (A, then B); keys defined out of their order in the group. */
    private static final ConfigDef DEF = new ConfigDef()
            .define("a.name", Type.STRING, null, Importance.MEDIUM, "A name\non two lines.", "A", 2, Width.SHORT, "name")
            .define("b.list", Type.LIST, "x,y", Importance.LOW, "Second in B.", "B", 2, Width.SHORT, "list")
            .define("b.secret", Type.PASSWORD, "", Importance.HIGH, "Secret | piped.", "B", 1, Width.SHORT, "secret")
            .define("a.count", Type.INT, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(1), Importance.HIGH, "How many <n>.", "A", 1,
                    Width.SHORT, "count");

    @Test
    void rendersOneTablePerGroupInGroupThenKeyOrder() {
        String markdown = ConfigReference.markdown("Test sink: configuration reference", "TestConfig.CONFIG_DEF", DEF);

        assertThat(markdown).startsWith("# Test sink: configuration reference\n\nGenerated from `TestConfig.CONFIG_DEF` by `ConfigReference`");
        assertThat(markdown.indexOf("## B")).isGreaterThan(markdown.indexOf("## A"));
        assertThat(markdown.indexOf("`a.name`")).isGreaterThan(markdown.indexOf("`a.count`"));
        assertThat(markdown.indexOf("`b.list`")).isGreaterThan(markdown.indexOf("`b.secret`"));
    }

    @Test
    void showsRequiredAbsentEmptyAndListDefaultsAndEscapesCells() {
        String markdown = ConfigReference.markdown("T", "S", DEF);

        assertThat(markdown).contains("| `a.count` | int | (required) | [1,...] | high | How many &lt;n&gt;. |\n",
                "| `a.name` | string | (none) |  | medium | A name on two lines. |\n",
                "| `b.secret` | password | \"\" |  | high | Secret \\| piped. |\n",
                "| `b.list` | list | `x,y` |  | low | Second in B. |\n");
    }
}
