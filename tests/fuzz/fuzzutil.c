/* fuzzutil.c: the harnesses' folder, files and scenario run (fuzzutil.h). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzzutil.h"
#include "../../base/utf8.h"
#include "../../io/scenario.h"
#include "../../models/montecarlo.h"

const char rs_fuzz_base_csv[] =
    "section,key,value,low,high,dist,unit,note\n"
    "scenario,name,Base 基准,,,,,\n"
    "scenario,horizon_years,3,,,,,\n"
    "community:a,area_m2,1000,,,,,\n"
    "community:a,fee_rate,1,0.8,1.2,,,\n"
    "community:a,collection_start,0.5,,,,,\n"
    "community:a,cost_annual,20000,,,,,\n"
    "shops:east,community,a,,,,,\n"
    "shops:east,count,4,,,,,\n"
    "shops:east,area_m2,40,,,,,\n"
    "shops:east,rent,80,60,100,triangular,,\n"
    "shops:east,occupancy_target,90%,0.8,1,,,\n"
    "other:x,community,a,,,,,\n"
    "other:x,income,1500,1000,2000,,,\n"
    "correlation,shops:east.rent|other:x.income,0.5,,,,,\n";

const char rs_fuzz_table_csv[] =
    "section,area_m2,fee_rate,collection_start,cost_annual,cost_annual.low,cost_annual.high\n"
    "community:b,2000,1.2,60%,30000,25000,35000\n"
    "community:c,1500,0.9,0.4,18000,,\n";

static char dir[64];

static void remove_dir(void)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char path[512];
    if (!d)
        return;
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            unlink(path);
        }
    closedir(d);
    rmdir(dir);
}

const char *rs_fuzz_dir(void)
{
    if (!dir[0]) {
        /* in memory (/dev/shm) when there is one: a file a run on disk costs
         * more than the run */
        const char *t = getenv("REVSIM_FUZZ_TMPDIR");
        if (!t || strlen(t) >= 32)
            t = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(dir, sizeof dir, "%s/revsim-fuzz-XXXXXX", t);
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            abort();
        }
        atexit(remove_dir);
    }
    return dir;
}

const char *rs_fuzz_write(int slot, const char *name, const uint8_t *data, size_t n)
{
    static char paths[4][512];
    char *path = paths[slot & 3];
    snprintf(path, sizeof paths[0], "%s/%s", rs_fuzz_dir(), name);
    FILE *fp = fopen(path, "wb");
    if (!fp || (n && fwrite(data, 1, n, fp) != n) || fclose(fp) != 0) {
        perror(path);
        abort();
    }
    return path;
}

/* 1 when msg is one line of clean text: no control character, UTF-8 */
static int one_line(const char *msg)
{
    char clean[sizeof ((rs_error *)0)->msg];
    for (const unsigned char *p = (const unsigned char *)msg; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return 0;
    return strcmp(rs_utf8_clean(msg, clean, sizeof clean), msg) == 0;
}

void rs_fuzz_scenario(const char *path)
{
    rs_scenario s;
    rs_source src;
    rs_error err = {0};
    rs_scenario_init(&s);
    rs_source_init(&src);
    if (rs_scenario_load(&s, &src, path, &err) == RS_OK) {
        rs_results *r = rs_results_alloc(&s);
        if (r) {
            rs_model_run(&s, r);
            rs_results_free(r);
        }
        rs_mc_results *mc = NULL;
        rs_mc_opts o = {2, 7, 1, NULL, NULL};
        if (rs_mc_run(&s, &o, &mc) == RS_S_OK)
            rs_mc_results_free(mc);
    } else if (!err.code || !err.msg[0] || !one_line(err.msg)) {
        fprintf(stderr, "an error without a one-line message: code %d '%s'\n", err.code,
                err.msg);
        abort();
    }
    rs_scenario_release(&s);
    rs_source_release(&src);
}
