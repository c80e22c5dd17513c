#### coverage.png en
# revsim chart: coverage
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Commercial net income vs. management deficit' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year net_income deficit coverage_%
1 16350 12000 136.25
2 18000 21000 85.71428571
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set xlabel 'Programme year (year 1 begins 2024-07)'
set yrange [0:25000]
set ytics nomirror out scale 0.5 ('0' 0, '5,000' 5000, '10,000' 10000, '15,000' 15000, '20,000' 20000, '25,000' 25000)
set ylabel 'Amount per year (CNY)'
set y2range [0:150]
set y2tics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125, '150%%' 150)
set y2label 'Coverage of the deficit (%)'
set boxwidth 0.36 absolute
plot $d using ($1-0.19):2 with boxes fillcolor rgb '#1f5fa8' title 'Commercial net income', \
     $d using ($1+0.19):3 with boxes fillcolor rgb '#c8553d' title 'Management deficit', \
     100 axes x1y2 with lines linecolor rgb '#7f7f7f' dashtype (14,9) linewidth 3 title '100% coverage', \
     $d using 1:4 axes x1y2 with linespoints linecolor rgb '#262626' linewidth 4 pointtype 7 pointsize 2.21 title 'Coverage (right axis)'
#### revenue_by_lever.png en
# revsim chart: revenue_by_lever
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Annual revenue by lever' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year, then revenue of levers 1..k summed, k = 1..2
1 14400 16350
2 14400 18000
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set xlabel 'Programme year (year 1 begins 2024-07)'
set yrange [0:20000]
set ytics nomirror out scale 0.5 ('0' 0, '2,500' 2500, '5,000' 5000, '7,500' 7500, '10,000' 10000, '12,500' 12500, '15,000' 15000, '17,500' 17500, '20,000' 20000)
set ylabel 'Revenue per year (CNY)'
set label 1 '16,350' at 1, 16350 center offset 0, 0.7 font 'Sans,20' textcolor rgb '#262626'
set label 2 '18,000' at 2, 18000 center offset 0, 0.7 font 'Sans,20' textcolor rgb '#262626'
set boxwidth 0.7 absolute
plot $d using 1:3 with boxes fillcolor rgb '#e69f00' notitle, \
     $d using 1:2 with boxes fillcolor rgb '#1f5fa8' notitle, \
     keyentry with boxes fillcolor rgb '#1f5fa8' title 'shops', \
     keyentry with boxes fillcolor rgb '#e69f00' title 'kiosk'
#### fund.png en
# revsim chart: fund
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Community fund balance by month' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# years balance
0 1000
0.08333333333 -4800
0.1666666667 -4600
0.25 -4400
0.3333333333 -4191.561339
0.4166666667 -3945.289076
0.5 -3595.289076
0.5833333333 -3141.561339
0.6666666667 -2650
0.75 -2150
0.8333333333 -1650
0.9166666667 -1150
1 -650
1.083333333 -900
1.166666667 -1150
1.25 -1400
1.333333333 -1650
1.416666667 -1900
1.5 -2150
1.583333333 -2400
1.666666667 -2650
1.75 -2900
1.833333333 -3150
1.916666667 -3400
2 -3650
EOD
set xrange [0:2]
set xtics nomirror out scale 0.5 ('0' 0, '1' 1, '2' 2)
set xlabel 'Years since the start (2024-07)'
set yrange [-6000:2000]
set ytics nomirror out scale 0.5 ('−6,000' -6000, '−5,000' -5000, '−4,000' -4000, '−3,000' -3000, '−2,000' -2000, '−1,000' -1000, '0' 0, '1,000' 1000, '2,000' 2000)
set ylabel 'Fund balance (CNY)'
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
$min << EOD
0.08333333333 -4800
EOD
set label 1 'Fund minimum: −4,800 CNY (month 1, 2024-07)' at 0.08333333333, -4800 left offset 1, -1.1 font 'Sans,24' textcolor rgb '#c8553d' front
plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '#c6dbef' notitle, \
     $d using 1:2 with filledcurves below y=0 fillcolor rgb '#f3cdc2' notitle, \
     $d using 1:2 with lines linecolor rgb '#1f5fa8' linewidth 5 title 'Balance at month end', \
     $min using 1:2 with points pointtype 7 pointsize 4.08 linecolor rgb '#c8553d' title 'Fund minimum'
#### cashflow.png en
# revsim chart: cashflow
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Cumulative programme cash flow' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# years cumulative discounted
0 0 0
0.08333333333 -4800 -4762.026929
0.1666666667 -3600 -3580.938362
0.25 -2400 -2409.193455
0.3333333333 -1191.561339 -1238.543509
0.4166666667 54.71092372 -40.79406719
0.5 1404.710924 1246.380428
0.5833333333 2858.438661 2621.490123
0.6666666667 4350 4021.225679
0.75 5850 5417.744346
0.8333333333 7350 6803.215074
0.9166666667 8850 8177.725266
1 10350 9541.361629
1.083333333 11850 10894.21019
1.166666667 13350 12236.35629
1.25 14850 13567.88459
1.333333333 16350 14888.8791
1.416666667 17850 16199.42315
1.5 19350 17499.5994
1.583333333 20850 18789.48989
1.666666667 22350 20069.17599
1.75 23850 21338.73841
1.833333333 25350 22598.25726
1.916666667 26850 23847.81198
2 28350 25087.4814
EOD
set xrange [0:2]
set xtics nomirror out scale 0.5 ('0' 0, '1' 1, '2' 2)
set xlabel 'Years since the start (2024-07)'
set yrange [-10000:40000]
set ytics nomirror out scale 0.5 ('−10,000' -10000, '0' 0, '10,000' 10000, '20,000' 20000, '30,000' 30000, '40,000' 40000)
set ylabel 'Cumulative cash flow (CNY)'
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
$pb << EOD
0.413008362 0
EOD
set arrow 1 from 0.413008362, graph 0 to 0.413008362, graph 1 nohead back linecolor rgb '#c8553d' dashtype (14,9) linewidth 2.4
set label 1 'Payback: 0.4 years' at 0.413008362, graph 0.93 left offset 0.8, 0 font 'Sans,24' textcolor rgb '#c8553d' front
plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '#c6dbef' notitle, \
     $d using 1:2 with filledcurves below y=0 fillcolor rgb '#f3cdc2' notitle, \
     $d using 1:2 with lines linecolor rgb '#1f5fa8' linewidth 5 title 'Cumulative cash flow', \
     $d using 1:3 with lines linecolor rgb '#262626' linewidth 3 dashtype (14,9) title 'Discounted at 10% a year', \
     $pb using 1:2 with points pointtype 7 pointsize 4.08 linecolor rgb '#c8553d' title 'Payback'
#### fan_net_income.png en
# revsim chart: fan_net_income
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Annual net income: Monte Carlo range' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  40 Monte Carlo runs' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year p10 p50 p90 base
1 8000 10000 12500 16350
2 12000 15000 18750 18000
EOD
set xrange [0.7:2.3]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set xlabel 'Programme year (year 1 begins 2024-07)'
set yrange [0:20000]
set ytics nomirror out scale 0.5 ('0' 0, '2,500' 2500, '5,000' 5000, '7,500' 7500, '10,000' 10000, '12,500' 12500, '15,000' 15000, '17,500' 17500, '20,000' 20000)
set ylabel 'Net income per year (CNY)'
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
plot $d using 1:2:4 with filledcurves fillcolor rgb '#c6dbef' title 'P10–P90 range', \
     $d using 1:3 with linespoints linecolor rgb '#1f5fa8' linewidth 5 pointtype 7 pointsize 2.04 title 'Median (P50)', \
     $d using 1:5 with lines linecolor rgb '#262626' linewidth 3 dashtype (14,9) title 'Base case'
#### fan_coverage.png en
# revsim chart: fan_coverage
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Coverage of the deficit: Monte Carlo range' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  40 Monte Carlo runs' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year p10 p50 p90 base
1 64 80 100 136.25
2 88 110 137.5 85.71428571
EOD
set xrange [0.7:2.3]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set xlabel 'Programme year (year 1 begins 2024-07)'
set yrange [0:150]
set ytics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125, '150%%' 150)
set ylabel 'Coverage of the deficit (%)'
plot $d using 1:2:4 with filledcurves fillcolor rgb '#c6dbef' title 'P10–P90 range', \
     $d using 1:3 with linespoints linecolor rgb '#1f5fa8' linewidth 5 pointtype 7 pointsize 2.04 title 'Median (P50)', \
     $d using 1:5 with lines linecolor rgb '#262626' linewidth 3 dashtype (14,9) title 'Base case', \
     100 with lines linecolor rgb '#c8553d' dashtype (2,6) linewidth 3 title '100% coverage'
#### npv_histogram.png en
# revsim chart: npv_histogram
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Net present value over Monte Carlo runs' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  40 Monte Carlo runs' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$neg << EOD
# bin_centre share_of_runs_%
-4187.5 5
-2562.5 5
-937.5 2.5
EOD
$pos << EOD
# bin_centre share_of_runs_%
687.5 5
2312.5 5
3937.5 2.5
5562.5 5
7187.5 2.5
8812.5 5
10437.5 5
12062.5 2.5
13687.5 5
15312.5 5
16937.5 2.5
18562.5 5
20187.5 2.5
21812.5 5
23437.5 5
25062.5 2.5
26687.5 5
28312.5 5
29937.5 2.5
31562.5 5
33187.5 5
EOD
set xrange [-5000:34000]
set xtics nomirror out scale 0.5 ('0' 0, '10,000' 10000, '20,000' 20000, '30,000' 30000)
set xlabel 'Net present value (CNY)'
set yrange [0:7.5]
set ytics nomirror out scale 0.5 ('0.0%%' 0, '2.5%%' 2.5, '5.0%%' 5, '7.5%%' 7.5)
set ylabel 'Share of runs'
set boxwidth 1625 absolute
set style fill solid 1.0 border linecolor rgb '#ffffff'
set arrow 1 from -1000, graph 0 to -1000, graph 0.93 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 2.4
set label 1 'P10' at -1000, graph 0.93 center offset 0, 0.6 font 'Sans,22.5' textcolor rgb '#262626' front
set arrow 2 from 14500, graph 0 to 14500, graph 0.86 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 2.4
set label 2 'P50' at 14500, graph 0.86 center offset 0, 0.6 font 'Sans,22.5' textcolor rgb '#262626' front
set arrow 3 from 30000, graph 0 to 30000, graph 0.79 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 2.4
set label 3 'P90' at 30000, graph 0.79 center offset 0, 0.6 font 'Sans,22.5' textcolor rgb '#262626' front
plot $neg using 1:2 with boxes fillcolor rgb '#c8553d' title 'NPV < 0: 12.5% of runs', \
     $pos using 1:2 with boxes fillcolor rgb '#1f5fa8' title 'NPV ≥ 0: 87.5% of runs', \
     keyentry with lines linecolor rgb '#262626' dashtype (14,9) linewidth 2.4 title 'P10 −1,000, P50 14,500, P90 30,000 (CNY)'
#### tornado.png en
# revsim chart: tornado
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Sensitivity: Net present value' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$bars << EOD
# x_mid y x_from x_to y_from y_to colour
25082.45 4 20164.9 30000 3.66 4.34 0xe69f00
19082.45 3 18000 20164.9 2.66 3.34 0x56a0d3
19582.45 2 19000 20164.9 1.66 2.34 0xe69f00
20164.45 1 20164 20164.9 0.66 1.34 0xe69f00
16082.45 4 12000 20164.9 3.66 4.34 0x56a0d3
21082.45 3 20164.9 22000 2.66 3.34 0xe69f00
20582.45 2 20164.9 21000 1.66 2.34 0x56a0d3
EOD
set xrange [6600:35400]
set xtics nomirror out scale 0.5 ('10,000' 10000, '20,000' 20000, '30,000' 30000)
set xlabel 'Net present value (CNY)'
set grid noytics xtics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set border 1 linecolor rgb '#404040' linewidth 1
set lmargin at screen 0.44
set rmargin at screen 0.93
set tmargin at screen 0.82
set yrange [0.4:4.6]
set ytics nomirror scale 0 font 'Sans,24' ('other:shops.income  900 – 1,500' 4, 'other:kiosk.income  200 – 400' 3, '…enario.discount_rate  0.05 – 0.12' 2, '…ty:a.cost_annual  15,000 – 21,000' 1)
set label 1 '12,000' at 12000, 4 right offset -0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 2 '30,000' at 30000, 4 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 3 '18,000' at 18000, 3 right offset -0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 4 '22,000' at 22000, 3 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 5 '21,000' at 21000, 2 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 6 '19,000' at 19000, 2 right offset -0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 7 '20,164' at 20164, 1 right offset -0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set arrow 1 from 20164.9, graph 0 to 20164.9, graph 1 nohead front linecolor rgb '#262626' linewidth 3
set label 8 'Base case: 20,165 CNY' at 20164.9, graph 1 center offset 0, 0.8 font 'Sans,24' textcolor rgb '#262626'
plot $bars using 1:2:3:4:5:6:7 with boxxyerror linecolor rgb variable notitle, \
     keyentry with boxes fillcolor rgb '#56a0d3' title 'Parameter at its low value', \
     keyentry with boxes fillcolor rgb '#e69f00' title 'Parameter at its high value'
#### coverage.pdf zh
# revsim chart: coverage
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '商业净收益与物业亏损' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year net_income deficit coverage_%
1 1.635 1.2 136.25
2 1.8 2.1 85.71428571
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set xlabel '项目年度（第1年始于2024-07）'
set yrange [0:2.5]
set ytics nomirror out scale 0.5 ('0.0' 0, '0.5' 0.5, '1.0' 1, '1.5' 1.5, '2.0' 2, '2.5' 2.5)
set ylabel '年度金额（万元）'
set y2range [0:150]
set y2tics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125, '150%%' 150)
set y2label '亏损覆盖率（%）'
set boxwidth 0.36 absolute
plot $d using ($1-0.19):2 with boxes fillcolor rgb '#1f5fa8' title '商业净收益', \
     $d using ($1+0.19):3 with boxes fillcolor rgb '#c8553d' title '物业亏损', \
     100 axes x1y2 with lines linecolor rgb '#7f7f7f' dashtype (14,9) linewidth 1.7 title '100%覆盖线', \
     $d using 1:4 axes x1y2 with linespoints linecolor rgb '#262626' linewidth 2.3 pointtype 7 pointsize 0.72 title '覆盖率（右轴）'
#### revenue_by_lever.pdf zh
# revsim chart: revenue_by_lever
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '各项目年度收入' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year, then revenue of levers 1..k summed, k = 1..2
1 1.44 1.635
2 1.44 1.8
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set xlabel '项目年度（第1年始于2024-07）'
set yrange [0:2]
set ytics nomirror out scale 0.5 ('0.00' 0, '0.25' 0.25, '0.50' 0.5, '0.75' 0.75, '1.00' 1, '1.25' 1.25, '1.50' 1.5, '1.75' 1.75, '2.00' 2)
set ylabel '年度收入（万元）'
set label 1 '1.64' at 1, 1.635 center offset 0, 0.7 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 2 '1.80' at 2, 1.8 center offset 0, 0.7 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set boxwidth 0.7 absolute
plot $d using 1:3 with boxes fillcolor rgb '#e69f00' notitle, \
     $d using 1:2 with boxes fillcolor rgb '#1f5fa8' notitle, \
     keyentry with boxes fillcolor rgb '#1f5fa8' title 'shops', \
     keyentry with boxes fillcolor rgb '#e69f00' title 'kiosk'
#### fund.pdf zh
# revsim chart: fund
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '社区基金月末余额' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# years balance
0 0.1
0.08333333333 -0.48
0.1666666667 -0.46
0.25 -0.44
0.3333333333 -0.4191561339
0.4166666667 -0.3945289076
0.5 -0.3595289076
0.5833333333 -0.3141561339
0.6666666667 -0.265
0.75 -0.215
0.8333333333 -0.165
0.9166666667 -0.115
1 -0.065
1.083333333 -0.09
1.166666667 -0.115
1.25 -0.14
1.333333333 -0.165
1.416666667 -0.19
1.5 -0.215
1.583333333 -0.24
1.666666667 -0.265
1.75 -0.29
1.833333333 -0.315
1.916666667 -0.34
2 -0.365
EOD
set xrange [0:2]
set xtics nomirror out scale 0.5 ('0' 0, '1' 1, '2' 2)
set xlabel '项目启动后年数（2024-07起）'
set yrange [-0.6:0.2]
set ytics nomirror out scale 0.5 ('−0.6' -0.6, '−0.5' -0.5, '−0.4' -0.4, '−0.3' -0.3, '−0.2' -0.2, '−0.1' -0.1, '0.0' 0, '0.1' 0.1, '0.2' 0.2)
set ylabel '基金余额（万元）'
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
$min << EOD
0.08333333333 -0.48
EOD
set label 1 '基金最低余额：−0.48万元（第1月，2024-07）' at 0.08333333333, -0.48 left offset 1, -1.1 font 'WenQuanYi Micro Hei,7' textcolor rgb '#c8553d' front
plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '#c6dbef' notitle, \
     $d using 1:2 with filledcurves below y=0 fillcolor rgb '#f3cdc2' notitle, \
     $d using 1:2 with lines linecolor rgb '#1f5fa8' linewidth 2.9 title '月末余额', \
     $min using 1:2 with points pointtype 7 pointsize 1.32 linecolor rgb '#c8553d' title '基金最低余额'
#### cashflow.pdf zh
# revsim chart: cashflow
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '项目累计现金流' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# years cumulative discounted
0 0 0
0.08333333333 -0.48 -0.4762026929
0.1666666667 -0.36 -0.3580938362
0.25 -0.24 -0.2409193455
0.3333333333 -0.1191561339 -0.1238543509
0.4166666667 0.005471092372 -0.004079406719
0.5 0.1404710924 0.1246380428
0.5833333333 0.2858438661 0.2621490123
0.6666666667 0.435 0.4021225679
0.75 0.585 0.5417744346
0.8333333333 0.735 0.6803215074
0.9166666667 0.885 0.8177725266
1 1.035 0.9541361629
1.083333333 1.185 1.089421019
1.166666667 1.335 1.223635629
1.25 1.485 1.356788459
1.333333333 1.635 1.48888791
1.416666667 1.785 1.619942315
1.5 1.935 1.74995994
1.583333333 2.085 1.878948989
1.666666667 2.235 2.006917599
1.75 2.385 2.133873841
1.833333333 2.535 2.259825726
1.916666667 2.685 2.384781198
2 2.835 2.50874814
EOD
set xrange [0:2]
set xtics nomirror out scale 0.5 ('0' 0, '1' 1, '2' 2)
set xlabel '项目启动后年数（2024-07起）'
set yrange [-1:4]
set ytics nomirror out scale 0.5 ('−1' -1, '0' 0, '1' 1, '2' 2, '3' 3, '4' 4)
set ylabel '累计现金流（万元）'
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
$pb << EOD
0.413008362 0
EOD
set arrow 1 from 0.413008362, graph 0 to 0.413008362, graph 1 nohead back linecolor rgb '#c8553d' dashtype (14,9) linewidth 1.4
set label 1 '投资回收期：0.4年' at 0.413008362, graph 0.93 left offset 0.8, 0 font 'WenQuanYi Micro Hei,7' textcolor rgb '#c8553d' front
plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '#c6dbef' notitle, \
     $d using 1:2 with filledcurves below y=0 fillcolor rgb '#f3cdc2' notitle, \
     $d using 1:2 with lines linecolor rgb '#1f5fa8' linewidth 2.9 title '累计现金流', \
     $d using 1:3 with lines linecolor rgb '#262626' linewidth 1.7 dashtype (14,9) title '按年折现率10%折现', \
     $pb using 1:2 with points pointtype 7 pointsize 1.32 linecolor rgb '#c8553d' title '投资回收期'
#### fan_net_income.pdf zh
# revsim chart: fan_net_income
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '年度净收益：蒙特卡洛模拟区间' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  蒙特卡洛模拟40次' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year p10 p50 p90 base
1 0.8 1 1.25 1.635
2 1.2 1.5 1.875 1.8
EOD
set xrange [0.7:2.3]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set xlabel '项目年度（第1年始于2024-07）'
set yrange [0:2]
set ytics nomirror out scale 0.5 ('0.00' 0, '0.25' 0.25, '0.50' 0.5, '0.75' 0.75, '1.00' 1, '1.25' 1.25, '1.50' 1.5, '1.75' 1.75, '2.00' 2)
set ylabel '年度净收益（万元）'
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
plot $d using 1:2:4 with filledcurves fillcolor rgb '#c6dbef' title 'P10–P90区间', \
     $d using 1:3 with linespoints linecolor rgb '#1f5fa8' linewidth 2.9 pointtype 7 pointsize 0.66 title '中位数（P50）', \
     $d using 1:5 with lines linecolor rgb '#262626' linewidth 1.7 dashtype (14,9) title '基准情景'
#### fan_coverage.pdf zh
# revsim chart: fan_coverage
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '物业亏损覆盖率：蒙特卡洛模拟区间' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  蒙特卡洛模拟40次' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year p10 p50 p90 base
1 64 80 100 136.25
2 88 110 137.5 85.71428571
EOD
set xrange [0.7:2.3]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set xlabel '项目年度（第1年始于2024-07）'
set yrange [0:150]
set ytics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125, '150%%' 150)
set ylabel '亏损覆盖率（%）'
plot $d using 1:2:4 with filledcurves fillcolor rgb '#c6dbef' title 'P10–P90区间', \
     $d using 1:3 with linespoints linecolor rgb '#1f5fa8' linewidth 2.9 pointtype 7 pointsize 0.66 title '中位数（P50）', \
     $d using 1:5 with lines linecolor rgb '#262626' linewidth 1.7 dashtype (14,9) title '基准情景', \
     100 with lines linecolor rgb '#c8553d' dashtype (2,6) linewidth 1.7 title '100%覆盖线'
#### npv_histogram.pdf zh
# revsim chart: npv_histogram
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '净现值分布（蒙特卡洛模拟）' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  蒙特卡洛模拟40次' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$neg << EOD
# bin_centre share_of_runs_%
-0.41875 5
-0.25625 5
-0.09375 2.5
EOD
$pos << EOD
# bin_centre share_of_runs_%
0.06875 5
0.23125 5
0.39375 2.5
0.55625 5
0.71875 2.5
0.88125 5
1.04375 5
1.20625 2.5
1.36875 5
1.53125 5
1.69375 2.5
1.85625 5
2.01875 2.5
2.18125 5
2.34375 5
2.50625 2.5
2.66875 5
2.83125 5
2.99375 2.5
3.15625 5
3.31875 5
EOD
set xrange [-0.5:3.4]
set xtics nomirror out scale 0.5 ('−0.5' -0.5, '0.0' 0, '0.5' 0.5, '1.0' 1, '1.5' 1.5, '2.0' 2, '2.5' 2.5, '3.0' 3)
set xlabel '净现值（万元）'
set yrange [0:7.5]
set ytics nomirror out scale 0.5 ('0.0%%' 0, '2.5%%' 2.5, '5.0%%' 5, '7.5%%' 7.5)
set ylabel '模拟次数占比'
set boxwidth 0.1625 absolute
set style fill solid 1.0 border linecolor rgb '#ffffff'
set arrow 1 from -0.1, graph 0 to -0.1, graph 0.93 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 1.4
set label 1 'P10' at -0.1, graph 0.93 center offset 0, 0.6 font 'WenQuanYi Micro Hei,6.5' textcolor rgb '#262626' front
set arrow 2 from 1.45, graph 0 to 1.45, graph 0.86 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 1.4
set label 2 'P50' at 1.45, graph 0.86 center offset 0, 0.6 font 'WenQuanYi Micro Hei,6.5' textcolor rgb '#262626' front
set arrow 3 from 3, graph 0 to 3, graph 0.79 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 1.4
set label 3 'P90' at 3, graph 0.79 center offset 0, 0.6 font 'WenQuanYi Micro Hei,6.5' textcolor rgb '#262626' front
plot $neg using 1:2 with boxes fillcolor rgb '#c8553d' title '净现值<0：占12.5%', \
     $pos using 1:2 with boxes fillcolor rgb '#1f5fa8' title '净现值≥0：占87.5%', \
     keyentry with lines linecolor rgb '#262626' dashtype (14,9) linewidth 1.4 title 'P10 −0.10，P50 1.45，P90 3.00（万元）'
#### tornado.pdf zh
# revsim chart: tornado
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '净现值敏感性分析' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set key below center horizontal Left reverse noautotitle samplen 3 spacing 1.1 width 2 height 0.8
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$bars << EOD
# x_mid y x_from x_to y_from y_to colour
2.508245 4 2.01649 3 3.66 4.34 0xe69f00
1.908245 3 1.8 2.01649 2.66 3.34 0x56a0d3
1.958245 2 1.9 2.01649 1.66 2.34 0xe69f00
2.016445 1 2.0164 2.01649 0.66 1.34 0xe69f00
1.608245 4 1.2 2.01649 3.66 4.34 0x56a0d3
2.108245 3 2.01649 2.2 2.66 3.34 0xe69f00
2.058245 2 2.01649 2.1 1.66 2.34 0x56a0d3
EOD
set xrange [0.66:3.54]
set xtics nomirror out scale 0.5 ('1.0' 1, '1.5' 1.5, '2.0' 2, '2.5' 2.5, '3.0' 3, '3.5' 3.5)
set xlabel '净现值（万元）'
set grid noytics xtics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set border 1 linecolor rgb '#404040' linewidth 1
set lmargin at screen 0.44
set rmargin at screen 0.93
set tmargin at screen 0.82
set yrange [0.4:4.6]
set ytics nomirror scale 0 font 'WenQuanYi Micro Hei,7' ('other:shops.income  900 – 1,500' 4, 'other:kiosk.income  200 – 400' 3, '…enario.discount_rate  0.05 – 0.12' 2, '…ty:a.cost_annual  15,000 – 21,000' 1)
set label 1 '1.20' at 1.2, 4 right offset -0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 2 '3.00' at 3, 4 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 3 '1.80' at 1.8, 3 right offset -0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 4 '2.20' at 2.2, 3 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 5 '2.10' at 2.1, 2 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 6 '1.90' at 1.9, 2 right offset -0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 7 '2.02' at 2.0164, 1 right offset -0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set arrow 1 from 2.01649, graph 0 to 2.01649, graph 1 nohead front linecolor rgb '#262626' linewidth 1.7
set label 8 '基准情景：2.02万元' at 2.01649, graph 1 center offset 0, 0.8 font 'WenQuanYi Micro Hei,7' textcolor rgb '#262626'
plot $bars using 1:2:3:4:5:6:7 with boxxyerror linecolor rgb variable notitle, \
     keyentry with boxes fillcolor rgb '#56a0d3' title '参数取低值', \
     keyentry with boxes fillcolor rgb '#e69f00' title '参数取高值'
