package io.relaybox.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void refusesTheNulCharacterThatPostgresqlCannotStore() {
        assertThat(StorableText.problem("SKU\u0000")).contains(StorableText.MESSAGE);
        assertThat(StorableText.problem("\u0000")).contains(StorableText.MESSAGE);
    }

    @Test
    void refusesUnpairedSurrogatesWhichHaveNoUtf8Form() {
        assertThat(StorableText.problem("a\ud800")).contains(StorableText.MESSAGE);
        assertThat(StorableText.problem("\udfffa")).contains(StorableText.MESSAGE);
        assertThat(StorableText.problem("\ud83d\ud83d")).contains(StorableText.MESSAGE);
    }

    @Test
    void refusesOtherControlCharactersButKeepsTabsAndLineBreaks() {
        assertThat(StorableText.problem("a\u0007b")).contains(StorableText.MESSAGE);
        assertThat(StorableText.problem("a\u0085b")).contains(StorableText.MESSAGE);
        assertThat(StorableText.problem("line 1\r\nline 2\tend")).isEmpty();
    }

    @Test
    void refusesEveryControlCharacterButTabAndLineBreaksAndAcceptsEveryOtherBasicCharacter() {
        for (char c = 0; c < '\ud800'; c++) {
            boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
            assertThat(StorableText.problem("x" + c + "y")).as("U+%04X", (int) c).isEqualTo(control
                    ? java.util.Optional.of(StorableText.MESSAGE) : java.util.Optional.empty());
        }
    }

    @Test
    void acceptsAnyOtherUnicodeTextAndNull() {
        assertThat(StorableText.problem("Grüße 😀 ‮ عربى 中文")).isEmpty();
        assertThat(StorableText.problem(null)).isEmpty();
    }
}
