/* bench.c: Monte Carlo throughput and memory on a generated portfolio:
 * 100 communities, each with shops, parking and chargers, 20 years, with
 * ranged rents, occupancy, fees, utilisation, sessions and costs.
 * usage: bench RUNS [THREADS]   (prints wall time, runs/s, lever-months/s,
 * peak memory, and whether the targets of `make bench` are met) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include "../models/montecarlo.h"
#include "../io/scenario.h"

static void write_portfolio(FILE *fp)
{
    fprintf(fp, "section,key,value,low,high\n"
                "scenario,name,bench portfolio\nscenario,horizon_years,20\n");
    for (int c = 0; c < 100; c++) {
        int ramp = 6 * (1 + c % 4);
        fprintf(fp, "community:c%d,area_m2,%d\n", c, 30000 + 500 * c);
        fprintf(fp, "community:c%d,fee_rate,0.8,0.6,1.0\n", c);
        fprintf(fp, "community:c%d,collection_start,0.4\n", c);
        fprintf(fp, "community:c%d,collection_target,0.85,0.7,0.95\n", c);
        fprintf(fp, "community:c%d,ramp_months,%d\n", c, ramp);
        fprintf(fp, "community:c%d,cost_annual,%d,%d,%d\n", c, 400000 + 1000 * c,
                350000 + 1000 * c, 480000 + 1000 * c);
        fprintf(fp, "community:c%d,cost_growth,0.03\n", c);
        fprintf(fp, "shops:s%d,community,c%d\nshops:s%d,count,%d\nshops:s%d,area_m2,40\n"
                    "shops:s%d,rent,30,24,38\nshops:s%d,rent_uplift,0.5,0.3,0.7\n"
                    "shops:s%d,occupancy_start,0.2\nshops:s%d,occupancy_target,0.9,0.75,0.97\n"
                    "shops:s%d,ramp_months,%d\nshops:s%d,rent_growth,0.02\n"
                    "shops:s%d,fitout_capex,20000\nshops:s%d,master_rent,10\n",
                c, c, c, 5 + c % 20, c, c, c, c, c, c, ramp + 6, c, c, c);
        fprintf(fp, "parking:p%d,community,c%d\nparking:p%d,spaces,%d\n"
                    "parking:p%d,fee,150,100,200\nparking:p%d,utilization_start,0.3\n"
                    "parking:p%d,utilization_target,0.85,0.6,0.95\nparking:p%d,ramp_months,%d\n"
                    "parking:p%d,capex_per_space,1500\n",
                c, c, c, 20 + c % 50, c, c, c, c, ramp, c);
        fprintf(fp, "chargers:e%d,community,c%d\nchargers:e%d,ports,%d\n"
                    "chargers:e%d,sessions_target,3,1.5,4.5\nchargers:e%d,price_per_session,1\n"
                    "chargers:e%d,kwh_per_session,1,0.8,1.3\nchargers:e%d,electricity_cost,0.6\n"
                    "chargers:e%d,capex_per_port,400\nchargers:e%d,life_years,8\n"
                    "chargers:e%d,ramp_months,%d\n",
                c, c, c, 40 + c % 30, c, c, c, c, c, c, c, ramp);
    }
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    long runs = argc > 1 ? atol(argv[1]) : 10000;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = argc > 2 ? atoi(argv[2]) : (int)(cores > 0 ? cores : 1);
    char path[] = "/tmp/revsim-bench-XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!fp)
        return 1;
    write_portfolio(fp);
    fclose(fp);

    rs_scenario s;
    rs_source src;
    rs_error err = {0};
    rs_scenario_init(&s);
    rs_source_init(&src);
    if (rs_scenario_load(&s, &src, path, &err)) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 1;
    }
    unlink(path);

    struct timespec t0, t1;
    rs_mc_opts o = {runs, 1, threads, NULL, NULL};
    rs_mc_results *mc;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (rs_mc_run(&s, &o, &mc)) {
        fprintf(stderr, "bench: Monte Carlo failed\n");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double sec = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double lm = (double)runs * s.nlev * rs_scenario_months(&s) / sec;
    double mb = ru.ru_maxrss / 1024.0;

    printf("portfolio: %d communities, %d levers, %d ranged parameters, %d months\n", s.ncom,
           s.nlev, s.nranges, rs_scenario_months(&s));
    printf("runs: %ld on %d threads\n", runs, threads);
    printf("wall time: %.3f s\n", sec);
    printf("runs/s: %.0f\n", runs / sec);
    printf("lever-months/s: %.0f million\n", lm / 1e6);
    printf("peak memory: %.1f MB\n", mb);
    printf("npv p10/p50/p90: %.0f / %.0f / %.0f\n", mc->metric[MT_NPV][MC_P10],
           mc->metric[MT_NPV][MC_P50], mc->metric[MT_NPV][MC_P90]);
    if (runs == 10000)
        printf("target 10,000 runs < 1 s (> 700 million lever-months/s): %s\n",
               sec < 1.0 ? "met" : "MISSED");
    if (runs >= 1000000)
        printf("target peak memory < 256 MB at %ld runs: %s\n", runs,
               mb < 256 ? "met" : "MISSED");
    rs_mc_results_free(mc);
    rs_scenario_release(&s);
    rs_source_release(&src);
    return 0;
}
