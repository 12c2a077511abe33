package io.relaybox.platform.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One shell command of a Markdown file's {@code bash} blocks: lines ending in a backslash joined, a trailing comment
 * ({@code # ...} outside quotes) dropped.
 *
 * @param line the line of the file where the command starts
 * @param text the command as the shell reads it
 */
record ReadmeCommand(int line, String text) {

    /** Every command of every {@code ```bash} block, in the order they appear. */
    static List<ReadmeCommand> parse(String markdown) {
        List<ReadmeCommand> commands = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean inBlock = false;
        StringBuilder pending = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!inBlock) {
                inBlock = line.strip().equals("```bash");
                continue;
            }
            if (line.strip().equals("```")) {
                inBlock = false;
                continue;
            }
            String code = withoutComment(line).stripTrailing();
            if (pending == null) {
                if (code.isBlank()) {
                    continue;
                }
                pending = new StringBuilder();
                start = i + 1;
            }
            if (code.endsWith("\\")) {
                pending.append(code, 0, code.length() - 1).append(' ');
                continue;
            }
            pending.append(code.strip());
            commands.add(new ReadmeCommand(start, pending.toString().replaceAll("\\s+", " ").strip()));
            pending = null;
        }
        return commands;
    }

    /** The words of the command, split at white space outside quotes (quotes kept). */
    List<String> words() {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            word.append(c);
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
