/* analysis.c: sensitivity sweep, solve and ramp fit (see analysis.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_roots.h>
#include "analysis.h"
#include "draw.h"
#include "ramp.h"

/* Does "SECTION.KEY[@Y]" name parameter `param` (step year `year`, 0 for
 * the plain row) of e? */
static int names(const char *ref, const rs_entity *e, int param, int year)
{
    char want[RS_NAME_MAX + 96], sec[RS_NAME_MAX + 32];
    rs_entity_section(e, sec, sizeof sec);
    if (year > 0)
        snprintf(want, sizeof want, "%s.%s@%d", sec, e->sec->params[param].name, year);
    else
        snprintf(want, sizeof want, "%s.%s", sec, e->sec->params[param].name);
    return strcmp(ref, want) == 0;
}

/* Add a target to h; -1 when out of memory. */
static int add_target(rs_handle *h, double *at)
{
    for (int i = 0; i < h->n; i++)
        if (h->at[i] == at)
            return 0;
    double **na = realloc(h->at, (size_t)(h->n + 1) * sizeof *na);
    if (!na)
        return -1;
    h->at = na;
    h->at[h->n++] = at;
    return 0;
}

/* parameter `param` of e, or its step of year `year` (> 0); NULL when e
 * has no such step */
static double *value_of(rs_entity *e, int param, int year)
{
    if (year <= 0)
        return &e->v[param];
    for (int i = 0; i < e->nsteps; i++)
        if (e->steps[i].param == param && e->steps[i].year == year)
            return &e->steps[i].value;
    return NULL;
}

rs_status rs_scenario_handle(rs_scenario *s, const char *ref, rs_handle *h)
{
    memset(h, 0, sizeof *h);
    const char *dot = strrchr(ref, '.');
    if (!dot || strlen(ref) >= sizeof h->label)
        return RS_S_INPUT;
    snprintf(h->label, sizeof h->label, "%s", ref);
    char key[96];
    snprintf(key, sizeof key, "%s", dot + 1);
    int year = 0;
    char *at = strchr(key, '@');
    if (at) {
        char *end;
        long y = strtol(at + 1, &end, 10);
        if (end == at + 1 || *end || y < 2 || y > RS_MAX_MONTHS / 12)
            return RS_S_INPUT;
        year = (int)y;
        *at = '\0';
    }
    for (int k = 0; k < RS_SEC_NKINDS; k++) {
        int n;
        rs_entity *a = rs_scenario_entities(s, (rs_seckind)k, &n);
        for (int i = 0; i < n; i++) {
            if (!a[i].sec)
                continue;
            int p = rs_param_find(a[i].sec->params, a[i].sec->nparams, key);
            if (p < 0 || !names(ref, &a[i], p, year))
                continue;
            double *v = value_of(&a[i], p, year);
            if (!v)
                continue;
            if (!h->p) {
                h->p = &a[i].sec->params[p];
                h->value = *v;
            }
            if (add_target(h, v) != 0)
                goto nomem;
        }
    }
    for (int i = 0; i < s->nlinks; i++)   /* copies that inherit the row */
        if (strcmp(s->links[i].label, ref) == 0) {
            rs_link *l = &s->links[i];
            double *v = l->step >= 0 ? &s->step[l->step].value : &l->e->v[l->param];
            if (!h->p) {
                h->p = &l->e->sec->params[l->param];
                h->value = *v;
            }
            if (add_target(h, v) != 0)
                goto nomem;
        }
    return h->n > 0 ? RS_S_OK : RS_S_INPUT;
nomem:
    rs_handle_release(h);
    return RS_S_NOMEM;
}

void rs_handle_release(rs_handle *h)
{
    free(h->at);
    h->at = NULL;
    h->n = 0;
}

void rs_handle_set(rs_scenario *s, const rs_handle *h, double v)
{
    for (int i = 0; i < h->n; i++)
        *h->at[i] = v;
    rs_scenario_refresh(s);
}

/* metric of the base case with h at v (restored by the caller) */
static double metric_at(rs_scenario *s, rs_results *r, const rs_handle *h, double v, int metric)
{
    rs_handle_set(s, h, v);
    rs_model_run(s, r);
    return r->metric[metric];
}

static int by_swing(const void *pa, const void *pb)
{
    const rs_sweep_row *a = pa, *b = pb;
    int na = isnan(a->swing), nb = isnan(b->swing);
    if (na != nb)
        return na - nb;
    if (!na && a->swing != b->swing)
        return a->swing < b->swing ? 1 : -1;
    return a->range - b->range;
}

rs_status rs_sweep(rs_scenario *s, int metric, rs_sweep_row *rows, int *nrows, double *base)
{
    *nrows = 0;
    rs_results *r = rs_results_alloc(s);
    rs_handle h = {0};
    rs_status rc = RS_S_NOMEM;
    if (!r)
        return rc;
    rs_model_run(s, r);
    *base = r->metric[metric];
    for (int i = 0; i < s->nranges; i++) {
        const rs_range *g = &s->ranges[i];
        int first = 1;   /* ranges of one stream (a template and its copies) move together */
        for (int j = 0; j < i && first; j++)
            first = s->ranges[j].stream != g->stream;
        if (!first)
            continue;
        h.n = 0;
        for (int j = i; j < s->nranges; j++)
            if (s->ranges[j].stream == g->stream) {
                rs_range *q = &s->ranges[j];
                if (add_target(&h, q->step >= 0 ? &s->step[q->step].value : &q->e->v[q->param]))
                    goto out;
            }
        const double keep = *h.at[0];
        rs_sweep_row *row = &rows[(*nrows)++];
        row->range = i;
        row->metric_low = metric_at(s, r, &h, g->low, metric);
        row->metric_high = metric_at(s, r, &h, g->high, metric);
        row->swing = fabs(row->metric_high - row->metric_low);
        /* rounding noise is no swing: 1e-16 must not rank above a true 0 */
        double scale = fmax(fabs(*base), fmax(fabs(row->metric_low), fabs(row->metric_high)));
        if (row->swing <= 1e-12 * scale)
            row->swing = 0.0;
        rs_handle_set(s, &h, keep);
    }
    qsort(rows, (size_t)*nrows, sizeof *rows, by_swing);
    rc = RS_S_OK;
out:
    rs_handle_release(&h);
    rs_results_free(r);
    return rc;
}

typedef struct {
    rs_scenario *s;
    rs_results *r;
    const rs_handle *h;
    int metric, whole;
    double target;
} solve_ctx;

static double solve_f(double v, void *p)
{
    solve_ctx *c = p;
    return metric_at(c->s, c->r, c->h, c->whole ? round(v) : v, c->metric) - c->target;
}

int rs_solve(rs_scenario *s, const rs_handle *h, int metric, double target, double a,
             double b, double *x, double *fa, double *fb)
{
    const double keep = *h->at[0];
    const int whole = h->p && h->p->type == RS_P_INT;
    rs_results *r = rs_results_alloc(s);
    gsl_root_fsolver *sv = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    int rc = -1;
    if (!r || !sv)
        goto out;
    if (whole) {
        a = round(a);
        b = round(b);
    }
    solve_ctx c = {s, r, h, metric, whole, target};
    gsl_function F = {solve_f, &c};
    *fa = solve_f(a, &c) + target;
    *fb = solve_f(b, &c) + target;
    if (isnan(*fa) || isnan(*fb)) {
        rc = 2;
        goto out;
    }
    if (*fa == target || *fb == target) {
        *x = *fa == target ? a : b;
        rc = 0;
        goto out;
    }
    if ((*fa - target) * (*fb - target) > 0) {
        rc = 1;
        goto out;
    }
    rc = 2;
    if (whole) {   /* bisect on whole numbers: the smallest value past the crossing */
        double lo = a < b ? a : b, hi = a < b ? b : a;
        const double flo = solve_f(lo, &c);   /* != 0: both ends were tested */
        while (hi - lo > 1) {   /* lo on flo's side of the target; hi not */
            double mid = floor((lo + hi) / 2), fm = solve_f(mid, &c);
            if (isnan(fm))
                goto out;
            if (fm != 0 && (fm > 0) == (flo > 0))
                lo = mid;
            else
                hi = mid;
        }
        *x = hi;
        rc = 0;
        goto out;
    }
    if (gsl_root_fsolver_set(sv, &F, a < b ? a : b, a < b ? b : a) != GSL_SUCCESS)
        goto out;
    for (int it = 0; it < 200; it++) {
        if (gsl_root_fsolver_iterate(sv) != GSL_SUCCESS)
            break;
        double lo = gsl_root_fsolver_x_lower(sv), hi = gsl_root_fsolver_x_upper(sv);
        if (gsl_root_test_interval(lo, hi, 1e-12, 1e-12) == GSL_SUCCESS) {
            *x = gsl_root_fsolver_root(sv);
            rc = 0;
            break;
        }
    }
out:
    rs_handle_set(s, h, keep);
    gsl_root_fsolver_free(sv);
    rs_results_free(r);
    return rc;
}

/* ------------------------------------------------------------- ramp fit */

typedef struct {
    const double *m, *y;
    int n, shape;
} fit_data;

static double ramp_at(double m, double start, double target, double R, int shape)
{
    double p = R <= 0 ? 1.0 : m / R;
    if (p > 1.0)
        p = 1.0;
    if (p < 0.0)
        p = 0.0;
    return start + (target - start) * rs_ramp_shape(p, shape);
}

static int fit_f(const gsl_vector *x, void *params, gsl_vector *f)
{
    const fit_data *d = params;
    const double a = gsl_vector_get(x, 0), b = gsl_vector_get(x, 1), R = gsl_vector_get(x, 2);
    for (int i = 0; i < d->n; i++)
        gsl_vector_set(f, (size_t)i, ramp_at(d->m[i], a, b, R, d->shape) - d->y[i]);
    return GSL_SUCCESS;
}

int rs_fit_ramp(const double *month, const double *value, int n, int shape, rs_fit_result *out)
{
    rs_init();
    memset(out, 0, sizeof *out);
    out->n = n;
    if (n < 4)
        return 1;
    for (int i = 0; i < n; i++)
        if (!isfinite(month[i]) || !isfinite(value[i]))
            return 2;
    /* start: first value; target: last value; ramp: where half the rise is done */
    double lo = value[0], hi = value[n - 1], half = 0.5 * (lo + hi), R0 = month[n - 1];
    for (int i = 0; i < n; i++)
        if ((hi >= lo && value[i] >= half) || (hi < lo && value[i] <= half)) {
            R0 = 2.0 * month[i];
            break;
        }
    if (R0 < 1.0)
        R0 = 1.0;

    fit_data d = {month, value, n, shape};
    gsl_multifit_nlinear_fdf fdf = {0};
    fdf.f = fit_f;
    fdf.df = NULL;      /* finite-difference Jacobian */
    fdf.n = (size_t)n;
    fdf.p = 3;
    fdf.params = &d;
    gsl_multifit_nlinear_parameters fp = gsl_multifit_nlinear_default_parameters();
    gsl_multifit_nlinear_workspace *w =
        gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &fp, (size_t)n, 3);
    gsl_matrix *cov = gsl_matrix_alloc(3, 3);
    if (!w || !cov) {
        gsl_multifit_nlinear_free(w);
        gsl_matrix_free(cov);
        return -1;
    }
    double x0[3] = {lo, hi, R0};
    gsl_vector_view xv = gsl_vector_view_array(x0, 3);
    int info = 0, rc = 1;
    int status = gsl_multifit_nlinear_init(&xv.vector, &fdf, w);
    if (status == GSL_SUCCESS)
        status = gsl_multifit_nlinear_driver(500, 1e-10, 1e-10, 1e-12, NULL, NULL, &info, w);
    double chi2 = NAN;
    if ((status == GSL_SUCCESS || status == GSL_EMAXITER) &&
        gsl_blas_ddot(gsl_multifit_nlinear_residual(w), gsl_multifit_nlinear_residual(w), &chi2) ==
            GSL_SUCCESS &&
        gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(w), 0.0, cov) == GSL_SUCCESS) {
        const gsl_vector *x = gsl_multifit_nlinear_position(w);
        double dof = n > 3 ? n - 3 : 1, s2 = chi2 / dof;
        double mean = 0.0, tss = 0.0;
        for (int i = 0; i < n; i++)
            mean += value[i] / n;
        for (int i = 0; i < n; i++)
            tss += (value[i] - mean) * (value[i] - mean);
        out->start = gsl_vector_get(x, 0);
        out->target = gsl_vector_get(x, 1);
        out->ramp = gsl_vector_get(x, 2);
        out->se_start = sqrt(s2 * gsl_matrix_get(cov, 0, 0));
        out->se_target = sqrt(s2 * gsl_matrix_get(cov, 1, 1));
        out->se_ramp = sqrt(s2 * gsl_matrix_get(cov, 2, 2));
        out->r2 = tss > 0 ? 1.0 - chi2 / tss : NAN;
        out->rmse = sqrt(chi2 / n);
        out->iterations = (int)gsl_multifit_nlinear_niter(w);
        /* flat data has no ramp to find (and no R^2); sums that overflow or
         * a ramp length the data leave open are no result either */
        const double all[] = {out->start, out->target, out->ramp, out->se_start,
                              out->se_target, out->se_ramp, out->r2, out->rmse, tss};
        int finite = 1;
        for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
            finite &= isfinite(all[k]) != 0;
        if (!finite || fabs(out->ramp) + 4 * out->se_ramp > RS_FIT_MONTHS_MAX)
            rc = 2;
        else
            rc = tss > 0 ? 0 : 1;
    }
    gsl_multifit_nlinear_free(w);
    gsl_matrix_free(cov);
    return rc;
}
