package org.namdrunner.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.namdrunner.app.LogView;

/**
 * The Log page's plots (SWTChart): energy (TOTAL, POTENTIAL), temperature and pressure over steps, from the series
 * the job type read from the log (already at most a few thousand points however long the run). Colours come from the
 * page's own background and foreground, which the workbench theme sets, so the plots are readable in the dark theme.
 */
final class LogPlots {

    /** One chart: its title, its y-axis title and the series it shows. */
    private record Plot(String title, String unit, List<String> names) {
    }

    static final List<String> ENERGY = List.of("TOTAL", "POTENTIAL");
    private static final List<Plot> PLOTS = List.of(new Plot("Energy", "kcal/mol", ENERGY),
            new Plot("Temperature", "K", List.of("TEMP")), new Plot("Pressure", "bar", List.of("PRESSURE")));

    private final Composite area;
    private final List<Chart> charts = new ArrayList<>();
    private RGB applied;
    private boolean followPending;

    LogPlots(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(PLOTS.size()).equalWidth(true).applyTo(area);
        for (Plot p : PLOTS) {
            Chart chart = new Chart(area, SWT.NONE);
            chart.getTitle().setText(p.title());
            chart.getAxisSet().getXAxis(0).getTitle().setText("step");
            chart.getAxisSet().getYAxis(0).getTitle().setText(p.unit());
            chart.getLegend().setPosition(SWT.BOTTOM);
            chart.getLegend().setVisible(p.names().size() > 1);
            chart.setData("plot", p.title());
            GridDataFactory.fillDefaults().grab(true, true).hint(200, 220).applyTo(chart);
            chart.addListener(SWT.Paint, e -> followTheme());
            charts.add(chart);
        }
        area.addListener(SWT.Paint, e -> followTheme());
        applyTheme();
    }

    /**
     * A theme switch restyles the page (the CSS engine sets new background colours and repaints): the charts' own
     * colours follow on the next paint, without waiting for the next read of the log.
     */
    private void followTheme() {
        if (followPending || area.getBackground().getRGB().equals(applied)) {
            return;
        }
        followPending = true;
        area.getDisplay().asyncExec(() -> {
            followPending = false;
            if (!area.isDisposed()) {
                applyTheme();
                for (Chart chart : charts) {
                    chart.redraw();
                }
            }
        });
    }

    Composite control() {
        return area;
    }

    List<Chart> charts() {
        return charts;
    }

    /**
     * Shows the view's series; a plot with no series of its own stays empty and says so in its title. A log with no
     * series at all (a job type that plots nothing) hides the plots.
     */
    void show(LogView view) {
        boolean plotted = !view.series().isEmpty();
        if (area.getVisible() != plotted) {
            area.setVisible(plotted);
            ((GridData) area.getLayoutData()).exclude = !plotted;
            area.getParent().layout(true);
        }
        applyTheme();
        Map<String, LogView.Series> byName = new java.util.HashMap<>();
        for (LogView.Series s : view.series()) {
            byName.put(s.name(), s);
        }
        for (int i = 0; i < PLOTS.size(); i++) {
            Plot p = PLOTS.get(i);
            Chart chart = charts.get(i);
            chart.suspendUpdate(true);
            boolean any = false;
            for (int k = 0; k < p.names().size(); k++) {
                String name = p.names().get(k);
                LogView.Series s = byName.get(name);
                ISeries<?> existing = chart.getSeriesSet().getSeries(name);
                if (s == null || s.steps().length == 0) {
                    if (existing != null) {
                        chart.getSeriesSet().deleteSeries(name);
                    }
                    continue;
                }
                any = true;
                ILineSeries<?> line = (ILineSeries<?>) (existing != null ? existing : chart.getSeriesSet().createSeries(SeriesType.LINE, name));
                line.setSymbolType(ILineSeries.PlotSymbolType.NONE);
                line.setLineWidth(2);
                line.setXSeries(s.steps());
                line.setYSeries(s.values());
            }
            colourLines(chart, p, PlotColours.on(area.getBackground().getRGB()));
            chart.getTitle().setText(any ? p.title() : p.title() + " (not in the log)");
            chart.getAxisSet().adjustRange();
            chart.suspendUpdate(false);
            chart.redraw();
        }
    }

    private static void colourLines(Chart chart, Plot p, PlotColours colours) {
        for (int k = 0; k < p.names().size(); k++) {
            if (chart.getSeriesSet().getSeries(p.names().get(k)) instanceof ILineSeries<?> line) {
                line.setLineColor(new Color(colours.line(k)));
            }
        }
    }

    /** The chart colours from the page's theme colours (set again on every update and after a theme switch). */
    private void applyTheme() {
        RGB bg = area.getBackground().getRGB();
        applied = bg;
        RGB fg = area.getForeground().getRGB();
        PlotColours colours = PlotColours.on(bg);
        Color background = new Color(bg);
        Color foreground = new Color(colours.readable(fg));
        Color grid = new Color(PlotColours.mix(colours.readable(fg), bg, 0.25));
        for (Chart chart : charts) {
            chart.setBackground(background);
            chart.setBackgroundInPlotArea(background);
            chart.getTitle().setForeground(foreground);
            chart.getLegend().setBackground(background);
            chart.getLegend().setForeground(foreground);
            colourLines(chart, PLOTS.get(charts.indexOf(chart)), colours);
            for (IAxis axis : chart.getAxisSet().getAxes()) {
                axis.getTick().setForeground(foreground);
                axis.getTitle().setForeground(foreground);
                axis.getGrid().setForeground(grid);
                axis.getGrid().setStyle(LineStyle.DOT);
            }
        }
    }
}
