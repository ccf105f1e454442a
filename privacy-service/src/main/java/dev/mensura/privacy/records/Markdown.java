package dev.mensura.privacy.records;

import java.util.List;

/** The little Markdown the renderers need. Output uses "\n" only, so renderings are byte-stable. */
final class Markdown {
    private final StringBuilder out = new StringBuilder();

    Markdown heading(int level, String text) {
        blankLine();
        out.append("#".repeat(level)).append(' ').append(text).append('\n');
        return this;
    }

    Markdown paragraph(String text) {
        blankLine();
        out.append(text).append('\n');
        return this;
    }

    Markdown bullets(List<String> items) {
        blankLine();
        items.forEach(item -> out.append("- ").append(item).append('\n'));
        return this;
    }

    /** A table; cells are escaped so a "|" in a text cannot break the columns. */
    Markdown table(List<String> header, List<List<String>> rows) {
        blankLine();
        row(header);
        row(header.stream().map(h -> "---").toList());
        rows.forEach(this::row);
        return this;
    }

    private void row(List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(cell(cell)).append(" |"));
        out.append('\n');
    }

    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    static String code(String text) {
        return "`" + text + "`";
    }

    /** Blocks are separated by exactly one empty line. */
    private void blankLine() {
        if (out.length() > 0 && !endsWith("\n\n")) {
            out.append('\n');
        }
    }

    private boolean endsWith(String suffix) {
        return out.length() >= suffix.length() && out.substring(out.length() - suffix.length()).equals(suffix);
    }

    /** The document, ending in exactly one newline. */
    String build() {
        String text = out.toString();
        while (text.endsWith("\n\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
