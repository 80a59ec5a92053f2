package tradetalk.bot;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/** The questions-per-day chart of a report, a PNG drawn by XChart (headless: no display needed). */
public final class InsightsChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d");

    private InsightsChart() {
        throw new UnsupportedOperationException("utility class");
    }

    /** The chart as PNG bytes: answered, declined and failed questions per day, stacked. */
    public static byte[] png(Insights.Report report) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder()
                .width(900)
                .height(420)
                .title("Questions per day, " + report.from() + " to " + report.to() + " (UTC)")
                .xAxisTitle("day")
                .yAxisTitle("questions")
                .build();
        CategoryStyler style = chart.getStyler();
        style.setStacked(true);
        style.setLegendPosition(Styler.LegendPosition.InsideNW);
        style.setChartBackgroundColor(Color.WHITE);
        style.setSeriesColors(new Color[] {new Color(0x2e7d32), new Color(0xef6c00), new Color(0x9e9e9e)});
        style.setXAxisLabelRotation(report.days().size() > 10 ? 45 : 0);
        style.setYAxisDecimalPattern("#");
        List<String> days =
                report.days().stream().map(d -> d.date().format(DAY)).toList();
        chart.addSeries(
                "answered",
                days,
                report.days().stream().map(Insights.Day::answered).toList());
        chart.addSeries(
                "declined",
                days,
                report.days().stream().map(Insights.Day::declined).toList());
        chart.addSeries(
                "invalid or failed",
                days,
                report.days().stream().map(d -> d.invalid() + d.failed()).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the insights chart: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
