/* fuzz_bytes.c: libFuzzer harness for the bytes revsim-mpi sends between
 * ranks (docs/scale.md): a packed scenario (rs_scenario_unpack), a Monte
 * Carlo part (rs_mc_part_merge, then rs_mc_part_finish) and an optimize
 * job (rs_mix_job_unpack). Such bytes come from the same build, but a
 * reader of bytes must refuse what is not a packing, never read or write
 * past it, and leak nothing.
 *
 * Random bytes are almost never close to a packing, so the input edits
 * valid packings made once at start (of a small scenario with ranges, a
 * correlation and an optimize section):
 *   byte 0      the format: 0 scenario, 1 part, 2 job (byte 0 modulo 3);
 *               bit 2 (4): the rest of the input is the bytes themselves,
 *               not edits; bit 3 (8), parts: the edited part (block 1 of
 *               a 300-run Monte Carlo) merges after the true part of
 *               block 0 rather than before it, so that a lie in one part
 *               meets the other's rows and sums
 *   bytes 1-2   where to cut the packing (0xFFFF: keep it whole)
 *   then        edits of 3 bytes: offset (2 bytes, modulo the length)
 *               and a byte to xor there.
 * A job's edits stay in its header (before the scenario it carries): the
 * scenario's bytes are fuzzed by format 0, and a job that unpacks runs the
 * base case of its scenario, whose values an edit could make ones no
 * reader would pass (the model trusts validated values). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzzutil.h"
#include "../../io/scenario.h"
#include "../../models/montecarlo.h"
#include "../../models/optimize.h"
#include "../../models/scenpack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scenario[] =
    "section,key,value,low,high,dist\n"
    "scenario,horizon_years,3\n"
    "community:a,area_m2,1000\n"
    "community:a,fee_rate,1,0.8,1.2\n"
    "community:a,collection_start,0.5\n"
    "community:a,cost_annual,20000\n"
    "parking:p,community,a\n"
    "parking:p,spaces,10\n"
    "parking:p,fee,100,50,150,uniform\n"
    "parking:p,capex_per_space,5000\n"
    "parking:p,size_max,40\n"
    "shops:s,community,a\n"
    "shops:s,count,3\n"
    "shops:s,size_max,6\n"
    "shops:s,fitout_capex,20000\n"
    "shops:s,area_m2,40\n"
    "shops:s,rent,30,20,40,pert\n"
    "shops:s,rent@2,35\n"
    "shops:s,occupancy_target,0.9\n"
    "correlation,parking:p.fee|shops:s.rent,0.4\n"
    "optimize,budget,200000\n"
    "optimize,min_coverage,0.5\n"
    "optimize,objective,npv\n";

static rs_scenario s;
static unsigned char *pack[3], *block0;
static size_t packlen[3], header[3];   /* a job's header: the bytes before its scenario */
static size_t block0len;
static const rs_mc_opts mc = {300, 7, 1, NULL, NULL};   /* two blocks: runs 0..255, 256..299 */

/* the optimize run's runner: keep the first job's bytes, then work it here */
static rs_status grab(rs_mix_job *job, void *ctx)
{
    (void)ctx;
    if (!pack[2] && rs_mix_job_pack(job, &pack[2], &packlen[2]) != RS_S_OK)
        abort();
    return rs_mix_job_work(job, 0, rs_mix_job_samples(job));
}

static int run(int format, int after, const unsigned char *b, size_t n);

static void setup(void)
{
    const char *path = rs_fuzz_write(1, "s.csv", (const uint8_t *)scenario, sizeof scenario - 1);
    rs_source src;
    rs_error err = {0};
    rs_scenario_init(&s);
    rs_source_init(&src);
    if (rs_scenario_load(&s, &src, path, &err) != RS_OK) {
        fprintf(stderr, "fuzz_bytes: the harness's scenario: %s\n", err.msg);
        abort();
    }
    rs_source_release(&src);
    rs_mc_part *p, *q;
    if (rs_scenario_pack(&s, &pack[0], &packlen[0]) != RS_S_OK ||
        rs_mc_part_run(&s, &mc, 0, 1, 2, &p) != RS_S_OK ||
        rs_mc_part_pack(p, &pack[1], &packlen[1]) != RS_S_OK ||
        rs_mc_part_run(&s, &mc, 0, 0, 1, &q) != RS_S_OK ||
        rs_mc_part_pack(q, &block0, &block0len) != RS_S_OK)
        abort();
    rs_mc_part_free(p);
    rs_mc_part_free(q);
    rs_mix_opts o;
    rs_mix_opts_init(&o);
    o.samples = 4;
    o.fresh = 4;
    o.confidence = 0.75;
    rs_mix_result *res = NULL;
    rs_mix_issue is;
    rs_mix_set_runner(grab, NULL);
    rs_status st = rs_mix_run(&s, &o, &res, &is);
    rs_mix_set_runner(NULL, NULL);
    if (st != RS_S_OK || !pack[2])
        abort();
    rs_mix_result_free(res);
    header[0] = packlen[0];
    header[1] = packlen[1];
    header[2] = packlen[2] - packlen[0];   /* the job ends with its scenario's packing */
    for (int f = 0; f < 3; f++)            /* the readers take what they should */
        if (!run(f, 0, pack[f], packlen[f])) {
            fprintf(stderr, "fuzz_bytes: packing %d as made is refused\n", f);
            abort();
        }
}

/* Read bytes b as `format` (a part: with block 0's true part, before or
 * after it); 1 when they were taken. Setup checks that the packings as
 * made are taken, so a reader that refused everything would not pass. */
static int run(int format, int after, const unsigned char *b, size_t n)
{
    int took = 0;
    if (format == 0) {
        rs_scenario d;
        rs_scenario_init(&d);
        if ((took = rs_scenario_unpack(&d, b, n) == RS_S_OK))
            rs_scenario_release(&d);
    } else if (format == 1) {
        rs_mc_part *into;   /* no blocks of its own: the bytes bring them */
        if (rs_mc_part_run(&s, &mc, 0, 0, 0, &into) != RS_S_OK)
            abort();
        if (after && rs_mc_part_merge(into, block0, block0len) != RS_S_OK)
            abort();
        took = rs_mc_part_merge(into, b, n) == RS_S_OK;
        if (!after)
            (void)rs_mc_part_merge(into, block0, block0len);   /* refused if b held block 0 */
        rs_mc_results *r;
        if (rs_mc_part_finish(into, &r) == RS_S_OK)
            rs_mc_results_free(r);
        rs_mc_part_free(into);
    } else {
        rs_mix_job *j;
        if ((took = rs_mix_job_unpack(b, n, &j) == RS_S_OK))
            rs_mix_job_free(j);
    }
    return took;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!pack[0])
        setup();
    if (size < 3)
        return 0;
    const int format = data[0] % 3;
    const int after = (data[0] & 8) != 0;
    if (data[0] & 4) {
        (void)run(format, after, data + 3, size - 3);
        return 0;
    }
    size_t n = packlen[format];
    const unsigned cut = (unsigned)data[1] | (unsigned)data[2] << 8;
    if (cut != 0xFFFF)
        n = n ? cut % (n + 1) : 0;
    unsigned char *b = malloc(n ? n : 1);
    if (!b)
        return 0;
    memcpy(b, pack[format], n);
    const size_t room = header[format] < n ? header[format] : n;
    for (size_t i = 3; i + 3 <= size && room; i += 3)
        b[((size_t)data[i] | (size_t)data[i + 1] << 8) % room] ^= data[i + 2];
    (void)run(format, after, b, n);
    free(b);
    return 0;
}
