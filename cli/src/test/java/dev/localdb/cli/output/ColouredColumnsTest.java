package dev.localdb.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour goes around the STATE cells only and never moves a column. */
class ColouredColumnsTest {
    private static final List<String[]> ROWS = List.of(
            new String[] {"PROJECT", "STATE", "PORT"},
            new String[] {"web", "running", "3000"},
            new String[] {"api", "stale", "3001"},
            new String[] {"docs-site", "released", "3002"});

    @Test
    void withoutColourTheTableIsExactlyTheOldOne() {
        assertThat(print(Style.PLAIN)).isEqualTo(String.join("\n",
                "PROJECT    STATE     PORT",
                "web        running   3000",
                "api        stale     3001",
                "docs-site  released  3002", ""));
    }

    @Test
    void inColourOnlyTheStateCellsArePaintedAndTheColumnsStayAligned() {
        String coloured = print(Style.decide(Map.of(), true, false));

        assertThat(coloured).contains("\u001b[32mrunning\u001b[0m   3000", "\u001b[33mstale\u001b[0m     3001",
                "\u001b[2mreleased\u001b[0m  3002");
        assertThat(coloured.lines().findFirst()).hasValue("PROJECT    STATE     PORT");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(print(Style.PLAIN));
    }

    @Test
    void aTableWithoutAStateColumnIsNeverPainted() {
        StringWriter out = new StringWriter();
        Columns.print(List.of(new String[] {"PROJECT", "PORT"}, new String[] {"running", "3000"}),
                new PrintWriter(out, true), Style.decide(Map.of(), true, false));

        assertThat(out.toString()).doesNotContain("\u001b");
    }

    private static String print(Style style) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        Columns.print(ROWS, writer, style);
        writer.flush();
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
