package org.cnnbook.plot;

import java.util.stream.IntStream;
import org.cnnbook.train.EvaluationReport;
import org.cnnbook.train.History;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tablesaw tables of the series' numbers, and an HTML view of a table for notebook output. */
public final class Tables {
    private Tables() {}

    public static Table labelCounts(INDArray labels, String name) {
        int[] label = labels.rank() == 2 ? labels.argMax(1).toIntVector() : labels.toIntVector();
        IntColumn digits = IntColumn.create("digit");
        IntColumn counts = IntColumn.create("count");
        DoubleColumn shares = DoubleColumn.create("share %");
        for (int d = 0; d < 10; d++) {
            final int digit = d;
            int count = (int) IntStream.of(label).filter(l -> l == digit).count();
            digits.append(d);
            counts.append(count);
            shares.append(Math.round(1000.0 * count / label.length) / 10.0);
        }
        return Table.create(name, digits, counts, shares);
    }

    public static Table perClass(EvaluationReport report) {
        IntColumn digits = IntColumn.create("digit");
        DoubleColumn precision = DoubleColumn.create("precision %");
        DoubleColumn recall = DoubleColumn.create("recall %");
        for (int c = 0; c < report.classes(); c++) {
            digits.append(c);
            precision.append(Math.round(1000 * report.precision(c)) / 10.0);
            recall.append(Math.round(1000 * report.recall(c)) / 10.0);
        }
        return Table.create("Per-class precision and recall", digits, precision, recall);
    }

    public static Table epochs(History history) {
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("loss");
        DoubleColumn train = DoubleColumn.create("train accuracy %");
        DoubleColumn validation = DoubleColumn.create("validation accuracy %");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (History.EpochResult e : history.epochs()) {
            epoch.append(e.epoch());
            loss.append(Math.round(e.loss() * 10000) / 10000.0);
            train.append(Math.round(e.trainAccuracy() * 10000) / 100.0);
            validation.append(Math.round(e.validationAccuracy() * 10000) / 100.0);
            seconds.append(Math.round(e.seconds() * 10) / 10.0);
        }
        StringColumn kept = StringColumn.create("kept");
        history.epochs().forEach(e -> kept.append(e.epoch() == history.keptEpoch() ? "\u2713" : ""));
        return Table.create("Training history", epoch, loss, train, validation, seconds, kept);
    }

    /** The table as an HTML {@code <table>} (show it with {@code display(html, "text/html")}). */
    public static String html(Table table) {
        StringBuilder html = new StringBuilder("<table class=\"cnnbook-table\"><caption>")
                .append(escape(table.name()))
                .append("</caption><thead><tr>");
        for (Column<?> column : table.columns())
            html.append("<th>").append(escape(column.name())).append("</th>");
        html.append("</tr></thead><tbody>");
        for (Row row : table) {
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++)
                html.append("<td>")
                        .append(escape(table.column(c).getString(row.getRowNumber())))
                        .append("</td>");
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
