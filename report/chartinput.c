/* chartinput.c: the plots/ view of a comparison (io/comparison.h), which
 * report.html and `revsim compare` draw their comparison charts from. */
#include "report.h"

void rs_plot_compare_input(const rs_compare *c, rs_cmp_plot_item *items, rs_cmp_plot_input *in)
{
    for (int i = 0; i < c->n; i++) {
        items[i].id = c->items[i].id;
        items[i].s = &c->items[i].s;
        items[i].r = c->items[i].r;
        items[i].mc = c->items[i].mc;
    }
    in->items = items;
    in->n = c->n;
    in->baseline = c->baseline;
    in->years = c->years;
}
