/* finance.c: NPV, IRR (GSL Brent on grid brackets) and payback. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include "finance.h"

double rs_npv(const double *cf, int n, double r)
{
    /* (1+r)^(-m/12) = z^m with z = (1+r)^(-1/12): Horner, no pow per month */
    double z = pow(1.0 + r, -1.0 / 12.0), acc = 0.0;
    for (int m = n; m >= 1; m--)
        acc = (acc + cf[m - 1]) * z;
    return acc;
}

typedef struct { const double *cf; int n; } irr_ctx;

/* npv as a function of u = log(1+x); smooth over the whole bracket range */
static double npv_of_u(double u, void *p)
{
    const irr_ctx *c = p;
    return rs_npv(c->cf, c->n, expm1(u));
}

#define IRR_GRID 1000
#define IRR_U0 (-4.605170185988091)  /* log(0.01) */
#define IRR_U1 (13.815510557964274)  /* log(1e6)  */

/* Brent on [ua, ub] (npv changes sign there); NaN if it does not converge. */
static double brent(gsl_root_fsolver *s, gsl_function *F, double ua, double ub)
{
    if (gsl_root_fsolver_set(s, F, ua, ub) != GSL_SUCCESS)
        return NAN;
    for (int it = 0; it < 200; it++) {
        if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
            return NAN;
        double lo = gsl_root_fsolver_x_lower(s), hi = gsl_root_fsolver_x_upper(s);
        if (gsl_root_test_interval(lo, hi, 1e-15, 1e-13) != GSL_CONTINUE)
            return expm1(gsl_root_fsolver_root(s));
    }
    return NAN;
}

/* One sign change in cf: npv has exactly one root in x > -1 (Descartes'
 * rule in z = (1+x)^(-1/12)); bracket it by doubling steps away from x = 0. */
static double irr_unique(gsl_root_fsolver *s, gsl_function *F)
{
    double f0 = GSL_FN_EVAL(F, 0.0);
    if (f0 == 0.0)
        return 0.0;
    double prev = 0.0, step = 0.25;
    double f1 = GSL_FN_EVAL(F, IRR_U1);
    int up = (f1 > 0) != (f0 > 0) || f1 == 0.0;          /* the root is above x = 0 */
    for (;;) {
        double u = up ? prev + step : prev - step;
        if (u > IRR_U1) u = IRR_U1;
        if (u < IRR_U0) u = IRR_U0;
        double fu = GSL_FN_EVAL(F, u);
        if (fu == 0.0)
            return expm1(u);
        if ((fu > 0) != (f0 > 0))
            return up ? brent(s, F, prev, u) : brent(s, F, u, prev);
        if (u == IRR_U1 || u == IRR_U0)
            return NAN;
        prev = u;
        step *= 2.0;
    }
}

static double grid_u(int i) { return IRR_U0 + (IRR_U1 - IRR_U0) * i / IRR_GRID; }

/* Smallest |x| = |e^u - 1| over grid cell c (0 when it contains x = 0). */
static double cell_distance(int c)
{
    double a = grid_u(c), b = grid_u(c + 1);
    if (a <= 0.0 && b >= 0.0)
        return 0.0;
    return fmin(fabs(expm1(a)), fabs(expm1(b)));
}

/* ---- the grid ------------------------------------------------------------
 * The root reported is the one the full scan of every grid cell gives: of
 * the cells [u_c, u_c+1] where npv changes sign (or is exactly 0 at u_c),
 * the Brent root closest to x = 0. Cells are not scanned one by one;
 * instead Descartes' rule of signs, applied to the polynomial
 * P(z) = sum cf(m) z^m in z = (1+x)^(-1/12), bounds how many roots lie
 * beyond a grid point: substituting z = z0 w and dividing by (1 - w) turns
 * the coefficients into the partial sums of cf(m) z0^m, so
 *   roots with x > x0 (z < z0)  <=  sign changes of the forward partial sums,
 *   roots with x < x0 (z > z0)  <=  sign changes of the backward ones,
 * and the backward ones are exactly Horner's intermediate values. Where a
 * bound is 0 no cell can change sign; where it is 1 or 2 the signs at the
 * ends tell whether exactly one root lies between, which bisection on the
 * grid finds. Between those, intervals are halved. A grid value exactly 0,
 * a non-finite value or a failed Brent step hands over to the plain scan. */

#define IRR_UNKNOWN 127

typedef struct {
    const double *cf;
    int n;
    double f[IRR_GRID + 1];
    unsigned char have[IRR_GRID + 1];
    signed char below[IRR_GRID + 1], above[IRR_GRID + 1]; /* IRR_UNKNOWN: not certified */
    int odd;       /* met a 0 or non-finite value: use the plain scan */
    double tol;    /* a partial sum within tol * (sum of |terms|) of 0 has no known sign */
} irr_grid;

static void grid_set(irr_grid *g, int i, double f)
{
    g->f[i] = f;
    g->have[i] = 1;
    if (f == 0.0 || !isfinite(f))
        g->odd = 1;
}

/* npv at grid point i, computed once (exactly as npv_of_u computes it) */
static double grid_f(irr_grid *g, int i)
{
    if (!g->have[i]) {
        irr_ctx ctx = {g->cf, g->n};
        grid_set(g, i, npv_of_u(grid_u(i), &ctx));
    }
    return g->f[i];
}

/* Sign changes of a sequence, met one value v at a time with the sum of
 * the magnitudes it came from: a value within tol of 0 counts as two
 * changes (its sign is not known), so the count never falls short. */
typedef struct { int last, count; } irr_signs;

static inline void signs_add(irr_signs *c, double v, double mag, double tol)
{
    if (fabs(v) <= tol * mag) {
        if (mag > 0.0)
            c->count += 2;
        return;
    }
    int sg = v > 0 ? 1 : -1;
    if (c->last && sg != c->last)
        c->count++;
    c->last = sg;
}

/* npv at grid point i with the two root bounds of that point: the
 * backward partial sums are Horner's values (the same operations as
 * rs_npv), the forward ones run alongside in the same loop. */
static void grid_cert(irr_grid *g, int i)
{
    if (g->have[i] && g->below[i] != IRR_UNKNOWN)
        return;
    const double *cf = g->cf;
    const int n = g->n;
    const double z = pow(1.0 + expm1(grid_u(i)), -1.0 / 12.0), tol = g->tol;
    irr_signs b = {0, 0}, fw = {0, 0};
    double acc = 0.0, mag = 0.0, p = 1.0, sum = 0.0, fmag = 0.0;
    for (int m = n, k = 1; m >= 1; m--, k++) {
        const double c = cf[m - 1], d = cf[k - 1];
        acc = (acc + c) * z;
        mag = (mag + fabs(c)) * z;
        p *= z;
        const double t = d * p;
        sum += t;
        fmag += fabs(t);
        if (c != 0.0)
            signs_add(&b, acc, mag, tol);
        if (d != 0.0)
            signs_add(&fw, sum, fmag, tol);
    }
    if (!g->have[i])
        grid_set(g, i, acc);
    g->below[i] = (signed char)(b.count < IRR_UNKNOWN ? b.count : IRR_UNKNOWN - 1);
    g->above[i] = (signed char)(fw.count < IRR_UNKNOWN ? fw.count : IRR_UNKNOWN - 1);
}

/* Roots beyond point i going in direction dir, and on the near side of
 * point j coming from direction dir (dir > 0: towards larger x). */
static int beyond(const irr_grid *g, int i, int dir) { return dir > 0 ? g->above[i] : g->below[i]; }
static int toward(const irr_grid *g, int j, int dir) { return dir > 0 ? g->below[j] : g->above[j]; }

static int differ(const irr_grid *g, int a, int b) { return (g->f[a] > 0) != (g->f[b] > 0); }

/* The one sign change between points a and b (signs differ, exactly one
 * root between): the cell that holds it. */
static int bisect(irr_grid *g, int a, int b)
{
    while (abs(b - a) > 1 && !g->odd) {
        int m = a + (b - a) / 2;
        grid_f(g, m);
        if (differ(g, a, m))
            b = m;
        else
            a = m;
    }
    return a < b ? a : b;
}

/* The cell of the sign change nearest to point a between points a and b
 * (both certified; b = a + dir * len), or -1 when there is none. */
static int first_change(irr_grid *g, int a, int b, int dir)
{
    if (g->odd)
        return -1;
    const int len = (b - a) * dir, d = differ(g, a, b);
    if (len == 1)
        return d ? (a < b ? a : b) : -1;
    int k = beyond(g, a, dir);
    if (toward(g, b, dir) < k)
        k = toward(g, b, dir);
    if (k == 0 || (!d && k <= 1))
        return -1;                 /* no root between, or an even number <= 1 */
    if (d && k <= 2)
        return bisect(g, a, b);    /* an odd number <= 2: exactly one */
    int m = a + dir * (len / 2);
    grid_cert(g, m);
    int c = first_change(g, a, m, dir);
    return c >= 0 || g->odd ? c : first_change(g, m, b, dir);
}

/* npv at grid points i and j at once (two independent Horner chains, each
 * the same operations as rs_npv). */
static void grid_f2(irr_grid *g, int i, int j)
{
    if (g->have[i] || g->have[j]) {
        grid_f(g, i);
        grid_f(g, j);
        return;
    }
    const double zi = pow(1.0 + expm1(grid_u(i)), -1.0 / 12.0);
    const double zj = pow(1.0 + expm1(grid_u(j)), -1.0 / 12.0);
    double ai = 0.0, aj = 0.0;
    for (int m = g->n; m >= 1; m--) {
        ai = (ai + g->cf[m - 1]) * zi;
        aj = (aj + g->cf[m - 1]) * zj;
    }
    grid_set(g, i, ai);
    grid_set(g, j, aj);
}

/* The one sign change between points a and b (signs differ, exactly one
 * root between), looked for near a first: steps that double, then
 * bisection of the last step. */
static int gallop(irr_grid *g, int a, int b, int dir)
{
    int prev = a, step = 1;
    for (;;) {
        int m = a + dir * step;
        if ((m - b) * dir >= 0)
            return bisect(g, prev, b);
        grid_f(g, m);
        if (g->odd)
            return -1;
        if (differ(g, a, m))
            return bisect(g, prev, m);
        prev = m;
        step *= 2;
    }
}

/* Where the last root was found (this thread's): runs of one Monte Carlo
 * are alike, so the next root is most often in the same cell. Only where
 * the search starts depends on it, never what it finds. */
static _Thread_local int hint_cell = -1;

/* The one sign change between points a and b (signs differ, exactly one
 * root between): the hint's cell first, then outward from it. */
static int locate(irr_grid *g, int a, int b, int dir)
{
    const int h = hint_cell, lo = a < b ? a : b, hi = a < b ? b : a;
    if (h < lo || h + 1 > hi)
        return gallop(g, a, b, dir);
    grid_f2(g, h, h + 1);
    if (g->odd)
        return -1;
    if (differ(g, h, h + 1))
        return h;
    /* the root is on a's side of the hint's cell or on b's */
    const int near = dir > 0 ? h : h + 1, far = dir > 0 ? h + 1 : h;
    if (differ(g, a, near))
        return near == a ? -1 : gallop(g, near, a, -dir);
    return far == b ? -1 : gallop(g, far, b, dir);
}

/* The first cell from point `start` towards point `end` in which npv
 * changes sign, or -1: steps that double in length, each settled by the
 * bounds or halved. */
static int side_first(irr_grid *g, int start, int end, int dir)
{
    int a = start, step = 1;
    grid_cert(g, a);
    while (a != end && !g->odd) {
        int k = beyond(g, a, dir);
        if (k == 0)
            return -1;
        if (k <= 2) {              /* at most two roots left: look at the far end */
            grid_f(g, end);
            if (g->odd)
                break;
            if (differ(g, a, end))
                return locate(g, a, end, dir);
            if (k == 1)
                return -1;         /* the root, if any, lies past the grid */
        }
        int b = a + dir * step;
        if ((b - end) * dir > 0)
            b = end;
        grid_cert(g, b);
        int c = first_change(g, a, b, dir);
        if (c >= 0 || g->odd)
            return c;
        a = b;
        step *= 2;
    }
    return -1;
}

/* The plain scan: cells visited outward from x = 0 in order of their
 * smallest |x| until no unvisited cell can hold a root closer to 0. */
static double irr_scan(gsl_root_fsolver *s, gsl_function *F, irr_grid *g)
{
    double best = NAN;
    const int c0 = (int)floor((0.0 - IRR_U0) / (IRR_U1 - IRR_U0) * IRR_GRID);
    int left = c0, right = c0 + 1;
    for (;;) {
        double dl = left >= 0 ? cell_distance(left) : INFINITY;
        double dr = right < IRR_GRID ? cell_distance(right) : INFINITY;
        double d = dl < dr ? dl : dr;
        if (isinf(d) || (!isnan(best) && d > fabs(best)))
            break;
        int c = dl < dr ? left-- : right++;
        double ua = grid_u(c), ub = grid_u(c + 1);
        double fa = grid_f(g, c), fb = grid_f(g, c + 1);
        double root = NAN;
        if (fa == 0.0)
            root = expm1(ua);
        else if (fa * fb < 0.0)
            root = brent(s, F, ua, ub);
        else if (fb == 0.0 && c + 1 == IRR_GRID)
            root = expm1(ub);
        if (!isnan(root) && (isnan(best) || fabs(root) < fabs(best)))
            best = root;
    }
    return best;
}

/* 1 when the plain scan visits cell a before cell b. */
static int visited_first(int a, int b)
{
    const int c0 = (int)floor((0.0 - IRR_U0) / (IRR_U1 - IRR_U0) * IRR_GRID);
    int left = c0, right = c0 + 1;
    for (;;) {
        double dl = left >= 0 ? cell_distance(left) : INFINITY;
        double dr = right < IRR_GRID ? cell_distance(right) : INFINITY;
        int c = dl < dr ? left-- : right++;
        if (c == a || c == b)
            return c == a;
    }
}

/* 1 when the scan takes cell c for a bracket: fa * fb < 0 as computed (a
 * product that underflows to 0 does not count). */
static int brackets(const irr_grid *g, int c) { return g->f[c] * g->f[c + 1] < 0.0; }

/* Several sign changes: the root closest to 0 over the grid's cells. The
 * cells of x >= 0 hold roots that grow with the cell, those below them
 * roots that grow in |x| as the cell goes down; so the answer is the first
 * sign change on one side or the other. */
static double irr_grid_root(gsl_root_fsolver *s, gsl_function *F, irr_grid *g)
{
    const int c0 = (int)floor((0.0 - IRR_U0) / (IRR_U1 - IRR_U0) * IRR_GRID);
    /* c0's lower end is the first grid point at or above x = 0 */
    const int p0 = grid_u(c0) >= 0.0 ? c0 : c0 + 1;
    int cr = side_first(g, p0, IRR_GRID, +1);
    double rr = NAN, rl = NAN;
    if (!g->odd && cr >= 0 && (!brackets(g, cr) || isnan(rr = brent(s, F, grid_u(cr), grid_u(cr + 1)))))
        g->odd = 1;
    int cl = -1;
    if (!g->odd && (isnan(rr) || cell_distance(p0 - 1) <= fabs(rr))) {
        /* below x = 0 only cells no farther from 0 than rr can matter */
        int lo = 0;
        if (!isnan(rr) && fabs(rr) < 1.0) {
            lo = (int)floor((log1p(-fabs(rr)) - IRR_U0) / (IRR_U1 - IRR_U0) * IRR_GRID) - 2;
            lo = lo < 0 ? 0 : lo > p0 - 1 ? p0 - 1 : lo;
            while (lo < p0 - 1 && cell_distance(lo) > fabs(rr))
                lo++;
        }
        cl = side_first(g, p0, lo, -1);
        if (!g->odd && cl >= 0 && (isnan(rr) || cell_distance(cl) <= fabs(rr)) &&
            (!brackets(g, cl) || isnan(rl = brent(s, F, grid_u(cl), grid_u(cl + 1)))))
            g->odd = 1;
    }
    if (g->odd)
        return irr_scan(s, F, g);
    int left = !isnan(rl) && (isnan(rr) || fabs(rl) < fabs(rr) ||
                              (fabs(rr) == fabs(rl) && visited_first(cl, cr)));
    if (!isnan(left ? rl : rr))
        hint_cell = left ? cl : cr;
    return left ? rl : rr;
}

/* 1 when the first flow, discounted at the top of the grid (1+x = 1e6),
 * comes near the smallest doubles: npv may then be exactly 0 (an
 * underflow) at grid points, which the scan reports as roots and the
 * bounds cannot foresee. */
static int tiny_at_top(const double *cf, int n)
{
    for (int m = 1; m <= n; m++)
        if (cf[m - 1] != 0.0)
            return log(fabs(cf[m - 1])) - m * (IRR_U1 / 12.0) < -600.0;
    return 0;
}

struct rs_irr_ws {
    gsl_root_fsolver *s;
};

rs_irr_ws *rs_irr_ws_alloc(void)
{
    rs_irr_ws *w = malloc(sizeof *w);
    if (w && !(w->s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent))) {
        free(w);
        w = NULL;
    }
    return w;
}

void rs_irr_ws_free(rs_irr_ws *w)
{
    if (!w)
        return;
    gsl_root_fsolver_free(w->s);
    free(w);
}

double rs_irr_ws_run(rs_irr_ws *w, const double *cf, int n)
{
    int changes = 0, last = 0;
    for (int i = 0; i < n; i++) {
        int sg = (cf[i] > 0) - (cf[i] < 0);
        if (sg && last && sg != last)
            changes++;
        if (sg)
            last = sg;
    }
    if (changes == 0)
        return NAN;

    irr_ctx ctx = {cf, n};
    gsl_function F = {npv_of_u, &ctx};
    gsl_root_fsolver *s = w->s;
    double best = NAN;
    if (changes == 1) {
        best = irr_unique(s, &F);
    } else if (tiny_at_top(cf, n)) {
        irr_grid g;    /* npv may underflow to 0 on the grid: scan as always */
        g.cf = cf;
        g.n = n;
        memset(g.have, 0, sizeof g.have);
        best = irr_scan(s, &F, &g);
    } else {
        irr_grid g;
        g.cf = cf;
        g.n = n;
        g.odd = 0;
        g.tol = (4.0 * n + 16.0) * DBL_EPSILON;
        memset(g.have, 0, sizeof g.have);
        memset(g.below, IRR_UNKNOWN, sizeof g.below);
        memset(g.above, IRR_UNKNOWN, sizeof g.above);
        best = irr_grid_root(s, &F, &g);
    }
    return best;
}

rs_status rs_irr(const double *cf, int n, double *irr)
{
    rs_irr_ws *w = rs_irr_ws_alloc();
    *irr = w ? rs_irr_ws_run(w, cf, n) : NAN;
    rs_irr_ws_free(w);
    return w ? RS_S_OK : RS_S_NOMEM;
}

double rs_payback(const double *cf, int n)
{
    double c = 0.0;
    int went_negative = 0, any = 0;
    for (int m = 1; m <= n; m++) {
        double prev = c;
        c += cf[m - 1];
        any |= cf[m - 1] != 0.0;
        if (c < 0.0)
            went_negative = 1;
        else if (prev < 0.0)
            return ((m - 1) + (-prev) / cf[m - 1]) / 12.0;
    }
    if (!went_negative)
        return any ? 0.0 : NAN;
    return NAN;
}
