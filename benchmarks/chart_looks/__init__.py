"""Chart tuning looks: small generators, one per kind of chart the reader found hard
(plotly figures in Chromium, Vega-Lite through vl-convert, themed matplotlib and seaborn,
box plots, line charts drawn as others draw them: ``curves``, bar charts of every kind as
others draw them: ``bars``, bokeh's line charts and dark matplotlib releases: ``bokeh``,
bars with their values printed on them: ``printed``, bars to bind to a category, a series
and a value (dark grouped lying bars, hatched columns with error bars, ggplot lying bars):
``bound``, line charts whose series are named on the plot, in close colours, on log
axes in several notations: ``named``, line charts over categories (releases, versions,
months): ``categories``, bar lists drawn with HTML/CSS without axes: ``barlists``, bars
in neutral colours (greys, black, light bars on a dark page): ``greybars``, line charts
without markers on dark panels, log and category axes: ``plain``; textured, hatched,
shaded bars and bars with error bars: ``textured``; lying bars on dark pages:
``dark_hbars``; seaborn point plots over categories: ``points``; dark SVG panels of
lines without markers written several ways: ``darkpanels``; lollipops (stems with round
heads, dumbbells): ``lollipops``; sketch-style (xkcd) bars: ``sketch``; pygal XY lines on
log axes and Vega-Lite lines over shaded areas: ``xylines``; pygal's dotted guides at
scale 1, ticks printed ``1.5k``, rounded grouped lying bars in SVG: ``kinds``; lines on a
log y axis with minor labels, log-log curves with the legend inside: ``loglines``; columns on
a broken y axis, lying bars with names wrapped over two lines, a dark time series with a
legend table, grouped lying bars in SVG with rounded ends: ``breaks``; stacked area charts (each
series' value a band's thickness): ``areas``; lines on twin y axes: ``twins``; log x axes labelled
at two decades only (bokeh, matplotlib) and low-DPI lines enlarged into a JPEG: ``lowdpi``;
grouped lying bars told apart by their hatch alone, and rounded grouped lying bars of a web
chart library without axis lines: ``patterned``; one series drawn in several colours (gains
and losses coloured by sign, grey columns with one highlighted): ``signed``; Cleveland dot
plots and line charts over weekly dates: ``dotdates``; stacked bars whose segments are each a
series' share (100% stacked lying bars, stacked bars and columns with totals): ``shares``;
clustered columns with their data table printed beneath: ``datatable``; facet panels with
strip titles, a dark chart whose y axis is at the right only, lines over a range slider:
``panellines``; line charts with notes whose arrows point at a line: ``annotated``; dark
line charts with each point's value printed over its marker, their y axis at the left or at
the right only: ``darkvalues``; grouped grey columns told apart by hatch and dots in a
greyscale JPEG, Vega-Lite lines with one series highlighted and the others faded:
``fades``; line charts with a dashed reference line, and column charts photographed off a
screen: ``refphotos``; office-suite line charts (Excel, LibreOffice, Google Sheets) with every
point's value printed by its marker and the legend below the plot: ``officevalues``).

Each module has ``generate(out, count, seed) -> truth`` in the truth format of
``unseen_charts.py`` ({file: {kind, renderer, log_x, labelled, style, series: {name:
[[x, y], ...]}}}, a bar's x its category). They were written while tuning and their images
were looked at: tuning sets, never test sets.
"""

from chart_looks import (
    annotated_lines,
    bar_kinds,
    bar_lists,
    bokeh_look,
    bound_bars,
    box_look,
    broken_bars,
    category_lines,
    chart_kinds,
    curves,
    dark_hbars,
    dark_panels,
    dark_value_lines,
    dot_dates,
    grey_bars,
    labelled_office_lines,
    line_kinds,
    log_lines,
    lollipops,
    lowdpi_lines,
    mpl_themed,
    named_lines,
    panel_lines,
    pattern_fades,
    patterned_hbars,
    plain_lines,
    plotly_look,
    point_plots,
    printed_bars,
    reference_photos,
    signed_bars,
    sketch_bars,
    stacked_areas,
    stacked_shares,
    table_charts,
    textured_bars,
    twin_axes,
    vega_look,
    xy_lines,
)

LOOKS = {
    "plotly": plotly_look,
    "vega": vega_look,
    "mpl_themed": mpl_themed,
    "box": box_look,
    "lines": line_kinds,
    "curves": curves,
    "named": named_lines,
    "bars": bar_kinds,
    "bokeh": bokeh_look,
    "printed": printed_bars,
    "bound": bound_bars,
    "categories": category_lines,
    "barlists": bar_lists,
    "greybars": grey_bars,
    "plain": plain_lines,
    "textured": textured_bars,
    "dark_hbars": dark_hbars,
    "points": point_plots,
    "darkpanels": dark_panels,
    "lollipops": lollipops,
    "sketch": sketch_bars,
    "xylines": xy_lines,
    "kinds": chart_kinds,
    "loglines": log_lines,
    "breaks": broken_bars,
    "areas": stacked_areas,
    "twins": twin_axes,
    "lowdpi": lowdpi_lines,
    "patterned": patterned_hbars,
    "signed": signed_bars,
    "dotdates": dot_dates,
    "shares": stacked_shares,
    "datatable": table_charts,
    "panellines": panel_lines,
    "annotated": annotated_lines,
    "darkvalues": dark_value_lines,
    "fades": pattern_fades,
    "refphotos": reference_photos,
    "officevalues": labelled_office_lines,
}
