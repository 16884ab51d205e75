package dev.localdb.cli.output;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** Prints rows as left-aligned columns two spaces apart, like {@code docker ps}. */
final class Columns {
    private Columns() {
    }

    static void print(List<String[]> rows, PrintWriter out) {
        print(rows, out, Style.PLAIN);
    }

    /**
     * The same, with the cells of the column headed STATE painted by {@link Style#state}; widths
     * come from the plain text, so colour never shifts the columns.
     */
    static void print(List<String[]> rows, PrintWriter out, Style style) {
        int stateColumn = Arrays.asList(rows.get(0)).indexOf("STATE");
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean painted = i == stateColumn && row != rows.get(0);
                line.append(painted ? style.state(row[i]) : row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
