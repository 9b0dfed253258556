/* Unit tests: chart_svg.c, gnuplot's SVG made to speak for itself */
#include <string.h>

#include "site/chart_svg.h"
#include "check.h"

/* Each piece of gnuplot's output, cleaned. */
static void test_clean(void)
{
    static const char names[] = "\0planned <path>\0observed";
    static const struct bt_svg_text t = {"Lawyers & clerks: ▲ on track",
                                         "latest 630 \"people\"", names,
                                         sizeof names};
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"<title>Gnuplot</title>", "<title>Lawyers &amp; clerks: ▲ on track</title>"},
        {"<desc>Produced by GNUPLOT 5.4 patchlevel 4 </desc>",
         "<desc>latest 630 &quot;people&quot;</desc>"},
        /* plots in order: the first unnamed, then by name (escaped) */
        {"<g id=\"gnuplot_plot_1\" ><title>gnuplot_plot_1</title>\n"
         "<g id=\"gnuplot_plot_2\" ><title>gnuplot_plot_2</title>\n"
         "<g id=\"gnuplot_plot_3a\" ><title>gnuplot_plot_3a</title>\n"
         "<g id=\"gnuplot_plot_4\" ><title>gnuplot_plot_4</title>",
         "<g id=\"gnuplot_plot_1\" >\n"
         "<g id=\"gnuplot_plot_2\" ><title>planned &lt;path&gt;</title>\n"
         "<g id=\"gnuplot_plot_3a\" ><title>observed</title>\n"
         "<g id=\"gnuplot_plot_4\" >"},
        /* a hypertext label becomes the point's tooltip */
        {"<g onmousemove=\"gnuplot_svg.showHypertext(evt,'2024: 25')\" "
         "onmouseout=\"gnuplot_svg.hideHypertext()\"><title> </title>",
         "<g><title>2024: 25</title>"},
        /* scripts and handlers go, in tags only; other text stays */
        {"<svg  onload=\"if (typeof(gnuplot_svg)!='undefined') gnuplot_svg.Init(evt)\" \n"
         " width=\"800\">\n<script type=\"text/javascript\" > <![CDATA[ x < 1 ]]>\n"
         "</script>\n\n<text>onclick='x' <b></text>",
         "<svg \n width=\"800\">\n<text>onclick='x' <b></text>"},
        {"<image x='10' onclick='gnuplot_svg.toggleGrid();'/>", "<image x='10'/>"},
        {"<g title=\"a onclick='x'\" on=\"1\">", "<g title=\"a onclick='x'\" on=\"1\">"},
        /* a title of its own stays */
        {"<title> </title><title>a</title>", "<title> </title><title>a</title>"},
        {"<g onclick=\"unterminated", "<g onclick=\"unterminated"},
        /* an empty group goes; one with an id or anything inside stays */
        {"<g fill=\"none\" color=\"black\" stroke-width=\"1.00\">\n</g>\n<path/>",
         "<path/>"},
        {"<g a='x>y'>\n</g>\nz", "z"},
        {"<g id=\"gnuplot_canvas\">\n</g>\n", "<g id=\"gnuplot_canvas\">\n</g>\n"},
        {"<g fill=\"none\">\n\t<path/></g>\n", "<g fill=\"none\">\n\t<path/></g>\n"},
        {"<g fill=\"none\"/>\n</g>\n", "<g fill=\"none\"/>\n</g>\n"},
        {"<g fill=\"none\">\n</g>", ""},
        {"<g fill=\"none", "<g fill=\"none"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct bt_buf out = {0};
        bt_svg_clean(&out, cases[i].in, strlen(cases[i].in), &t);
        bt_buf_add(&out, "", 1);
        CHECK_STR(out.data, cases[i].out);
        bt_buf_release(&out);
    }
}

/* Nothing to name: gnuplot's plot titles simply go. */
static void test_unnamed(void)
{
    struct bt_svg_text t = {NULL, NULL, NULL, 0};
    static const char in[] = "<title>Gnuplot</title><title>gnuplot_plot_1</title>";
    struct bt_buf out = {0};
    bt_svg_clean(&out, in, strlen(in), &t);
    bt_buf_add(&out, "", 1);
    CHECK_STR(out.data, "<title>Gnuplot</title>");
    bt_buf_release(&out);
}

int main(void)
{
    test_clean();
    test_unnamed();
    return CHECK_DONE();
}
