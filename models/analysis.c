/* analysis.c: sensitivity sweep, solve and ramp fit (see analysis.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_roots.h>
#include "analysis.h"
#include "ramp.h"

int rs_scenario_param(rs_scenario *s, const char *ref, rs_entity **e, int *param)
{
    const char *dot = strrchr(ref, '.');
    if (!dot)
        return -1;
    size_t sl = (size_t)(dot - ref);
    rs_entity *singles[2] = {&s->scen, &s->fund};
    struct { rs_entity *a; int n; } groups[5] = {
        {singles[0], 1}, {singles[1], 1}, {s->com, s->ncom}, {s->lev, s->nlev},
        {s->grant, s->ngrant}};
    for (int g = 0; g < 5; g++)
        for (int i = 0; i < groups[g].n; i++) {
            rs_entity *x = &groups[g].a[i];
            if (!x->sec)
                continue;
            size_t nl = strlen(x->sec->name);
            int match = x->sec->named
                            ? sl == nl + 1 + strlen(x->name) && strncmp(ref, x->sec->name, nl) == 0 &&
                                  ref[nl] == ':' && strncmp(ref + nl + 1, x->name, sl - nl - 1) == 0
                            : sl == nl && strncmp(ref, x->sec->name, nl) == 0;
            if (!match)
                continue;
            int k = rs_param_find(x->sec->params, x->sec->nparams, dot + 1);
            if (k < 0)
                return -1;
            *e = x;
            *param = k;
            return 0;
        }
    return -1;
}

void rs_scenario_refresh(rs_scenario *s)
{
    char why[8];
    for (int c = 0; c < s->ncom; c++)
        if (s->com[c].sec->finish)
            s->com[c].sec->finish(&s->com[c], why, sizeof why);
}

/* metric of the base case with e.param = v (restored by the caller) */
static double metric_at(rs_scenario *s, rs_results *r, rs_entity *e, int param, double v,
                        int metric)
{
    e->v[param] = v;
    rs_scenario_refresh(s);
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

int rs_sweep(rs_scenario *s, int metric, rs_sweep_row *rows, double *base)
{
    rs_results *r = rs_results_alloc(s);
    if (!r)
        return -1;
    rs_model_run(s, r);
    *base = r->metric[metric];
    for (int i = 0; i < s->nranges; i++) {
        const rs_range *g = &s->ranges[i];
        const double keep = g->e->v[g->param];
        rows[i].range = i;
        rows[i].metric_low = metric_at(s, r, g->e, g->param, g->low, metric);
        rows[i].metric_high = metric_at(s, r, g->e, g->param, g->high, metric);
        rows[i].swing = fabs(rows[i].metric_high - rows[i].metric_low);
        /* rounding noise is no swing: 1e-16 must not rank above a true 0 */
        double scale = fmax(fabs(*base), fmax(fabs(rows[i].metric_low), fabs(rows[i].metric_high)));
        if (rows[i].swing <= 1e-12 * scale)
            rows[i].swing = 0.0;
        g->e->v[g->param] = keep;
        rs_scenario_refresh(s);
    }
    qsort(rows, (size_t)s->nranges, sizeof *rows, by_swing);
    rs_results_free(r);
    return 0;
}

typedef struct {
    rs_scenario *s;
    rs_results *r;
    rs_entity *e;
    int param, metric;
    double target;
} solve_ctx;

static double solve_f(double v, void *p)
{
    solve_ctx *c = p;
    return metric_at(c->s, c->r, c->e, c->param, v, c->metric) - c->target;
}

int rs_solve(rs_scenario *s, rs_entity *e, int param, int metric, double target, double a,
             double b, double *x, double *fa, double *fb)
{
    const double keep = e->v[param];
    rs_results *r = rs_results_alloc(s);
    gsl_root_fsolver *sv = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    int rc = -1;
    if (!r || !sv)
        goto out;
    solve_ctx c = {s, r, e, param, metric, target};
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
    e->v[param] = keep;
    rs_scenario_refresh(s);
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
    memset(out, 0, sizeof *out);
    out->n = n;
    if (n < 4)
        return 1;
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
    gsl_multifit_nlinear_init(&xv.vector, &fdf, w);
    int status = gsl_multifit_nlinear_driver(500, 1e-10, 1e-10, 1e-12, NULL, NULL, &info, w);
    if (status == GSL_SUCCESS || status == GSL_EMAXITER) {
        const gsl_vector *x = gsl_multifit_nlinear_position(w);
        const gsl_vector *res = gsl_multifit_nlinear_residual(w);
        double chi2;
        gsl_blas_ddot(res, res, &chi2);
        gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(w), 0.0, cov);
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
        /* flat data has no ramp to find (and no R^2) */
        rc = tss > 0 && isfinite(out->start) && isfinite(out->target) && isfinite(out->ramp)
                 ? 0 : 1;
    }
    gsl_multifit_nlinear_free(w);
    gsl_matrix_free(cov);
    return rc;
}
