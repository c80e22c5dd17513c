#### coverage.png en
# revsim chart: coverage
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Commercial net income vs. management deficit' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year net_income deficit coverage_%
1 16350 19200 85.15625
2 18000 28200 63.82978723
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:30000]
set ytics nomirror out scale 0.5 ('0' 0, '5,000' 5000, '10,000' 10000, '15,000' 15000, '20,000' 20000, '25,000' 25000, '30,000' 30000)
set y2range [0:125]
set y2tics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125)
set boxwidth 0.36 absolute
set bmargin at screen 0.2825
set lmargin at screen 0.1651
set rmargin at screen 0.8498
set label 1003 'Programme year (year 1 begins 2024-07)' at screen 0.5074, screen 0.184 center textcolor rgb '#262626'
set label 1004 'Amount per year (CNY)' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set label 1005 'Coverage of the deficit (%)' at screen 0.9651, graph 0.5 center rotate by -90 textcolor rgb '#262626'
set object 3000 rect from screen 0.162, screen 0.087 to screen 0.2132, screen 0.11 fillcolor rgb '#1f5fa8' fillstyle solid 1.0 noborder
set label 3000 'Commercial net income' at screen 0.2248, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set object 3001 rect from screen 0.5444, screen 0.087 to screen 0.5956, screen 0.11 fillcolor rgb '#c8553d' fillstyle solid 1.0 noborder
set label 3001 'Management deficit' at screen 0.6072, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3002 from screen 0.162, screen 0.0502 to screen 0.2132, screen 0.0502 nohead linecolor rgb '#7f7f7f' linewidth 3 dashtype (14,9)
set label 3002 '100% coverage' at screen 0.2248, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3003 from screen 0.5444, screen 0.0502 to screen 0.5956, screen 0.0502 nohead linecolor rgb '#262626' linewidth 4 dashtype solid
set label 3019 '' at screen 0.57, screen 0.0502 point pointtype 7 pointsize 2.72 linecolor rgb '#262626'
set label 3003 'Coverage (right axis)' at screen 0.6072, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $d using ($1-0.19):2 with boxes fillcolor rgb '#1f5fa8' notitle, \
     $d using ($1+0.19):3 with boxes fillcolor rgb '#c8553d' notitle, \
     100 axes x1y2 with lines linecolor rgb '#7f7f7f' dashtype (14,9) linewidth 3 notitle, \
     $d using 1:4 axes x1y2 with linespoints linecolor rgb '#262626' linewidth 4 pointtype 7 pointsize 2.21 notitle
#### revenue_by_lever.png en
# revsim chart: revenue_by_lever
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Annual revenue by lever' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year, then the revenue of the 2 largest levers summed from the largest, k = 1..2
1 14400 16350
2 14400 18000
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:20000]
set ytics nomirror out scale 0.5 ('0' 0, '2,500' 2500, '5,000' 5000, '7,500' 7500, '10,000' 10000, '12,500' 12500, '15,000' 15000, '17,500' 17500, '20,000' 20000)
set label 1 '16,350' at 1, 16350 center offset 0, 0.7 font 'Sans,20' textcolor rgb '#262626'
set label 2 '18,000' at 2, 18000 center offset 0, 0.7 font 'Sans,20' textcolor rgb '#262626'
set boxwidth 0.7 absolute
set bmargin at screen 0.2342
set lmargin at screen 0.1651
set rmargin at screen 0.9558
set label 1003 'Programme year (year 1 begins 2024-07)' at screen 0.5604, screen 0.1357 center textcolor rgb '#262626'
set label 1004 'Revenue per year (CNY)' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set object 3000 rect from screen 0.4129, screen 0.0387 to screen 0.464, screen 0.0617 fillcolor rgb '#1f5fa8' fillstyle solid 1.0 noborder
set label 3000 'shops' at screen 0.4757, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set object 3001 rect from screen 0.5855, screen 0.0387 to screen 0.6367, screen 0.0617 fillcolor rgb '#e69f00' fillstyle solid 1.0 noborder
set label 3001 'kiosk' at screen 0.6483, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $d using 1:3 with boxes fillcolor rgb '#e69f00' notitle, \
     $d using 1:2 with boxes fillcolor rgb '#1f5fa8' notitle
#### fund.png en
# revsim chart: fund
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Community fund balance by month' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# years balance debt_balance
0 1000 0
0.08333333333 600 6000
0.1666666667 -163.3333333 5666.666667
0.25 -925 5333.333333
0.3333333333 -1676.561339 5000
0.4166666667 -2388.62241 4666.666667
0.5 -2995.289076 4333.333333
0.5833333333 -3496.561339 4000
0.6666666667 -3958.333333 3666.666667
0.75 -4410 3333.333333
0.8333333333 -4860 3000
0.9166666667 -5308.333333 2666.666667
1 -5755 2333.333333
1.083333333 -6950 2000
1.166666667 -8143.333333 1666.666667
1.25 -9335 1333.333333
1.333333333 -10525 1000
1.416666667 -11713.33333 666.6666667
1.5 -12900 333.3333333
1.583333333 -14085 0
1.666666667 -14935 0
1.75 -15785 0
1.833333333 -16635 0
1.916666667 -17485 0
2 -18335 0
EOD
set xrange [0:2]
set xtics nomirror out scale 0.5 ('0' 0, '1' 1, '2' 2)
set yrange [-25000:10000]
set ytics nomirror out scale 0.5 ('−25,000' -25000, '−20,000' -20000, '−15,000' -15000, '−10,000' -10000, '−5,000' -5000, '0' 0, '5,000' 5000, '10,000' 10000)
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
$min << EOD
2 -18335
EOD
set label 1 'Fund minimum: −18,335 CNY (month 24, 2026-06)' at 2, -18335 right offset -1, -1.1 font 'Sans,24' textcolor rgb '#c8553d' front
set bmargin at screen 0.2825
set lmargin at screen 0.1846
set rmargin at screen 0.9558
set label 1003 'Years since the start (2024-07)' at screen 0.5702, screen 0.184 center textcolor rgb '#262626'
set label 1004 'Fund balance (CNY)' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set arrow 3000 from screen 0.2511, screen 0.0985 to screen 0.3022, screen 0.0985 nohead linecolor rgb '#1f5fa8' linewidth 5 dashtype solid
set label 3000 'Balance at month end' at screen 0.3139, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3001 from screen 0.6133, screen 0.0985 to screen 0.6645, screen 0.0985 nohead linecolor rgb '#e69f00' linewidth 4.4 dashtype solid
set label 3001 'Debt owed (loans)' at screen 0.6761, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3002 from screen 0.2511, screen 0.0502 to screen 0.3022, screen 0.0502 nohead linecolor rgb '#262626' linewidth 3 dashtype (14,9)
set label 3002 'Reserve: 2,000 CNY' at screen 0.3139, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set label 3019 '' at screen 0.6389, screen 0.0502 point pointtype 7 pointsize 2.72 linecolor rgb '#c8553d'
set label 3003 'Fund minimum' at screen 0.6761, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '#c6dbef' notitle, \
     $d using 1:2 with filledcurves below y=0 fillcolor rgb '#f3cdc2' notitle, \
     $d using 1:2 with lines linecolor rgb '#1f5fa8' linewidth 5 notitle, \
     $d using 1:3 with lines linecolor rgb '#e69f00' linewidth 4.4 notitle, \
     2000 with lines linecolor rgb '#262626' linewidth 3 dashtype (14,9) notitle, \
     $min using 1:2 with points pointtype 7 pointsize 4.08 linecolor rgb '#c8553d' notitle
#### cashflow.png en
# revsim chart: cashflow
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Cumulative programme cash flow' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
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
set yrange [-10000:40000]
set ytics nomirror out scale 0.5 ('−10,000' -10000, '0' 0, '10,000' 10000, '20,000' 20000, '30,000' 30000, '40,000' 40000)
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
$pb << EOD
0.413008362 0
EOD
set arrow 1 from 0.413008362, graph 0 to 0.413008362, graph 1 nohead back linecolor rgb '#c8553d' dashtype (14,9) linewidth 2.4
set label 1 'Payback: 0.4 years' at 0.413008362, graph 0.93 left offset 0.8, 0 font 'Sans,24' textcolor rgb '#c8553d' front
set bmargin at screen 0.2342
set lmargin at screen 0.1846
set rmargin at screen 0.9558
set label 1003 'Years since the start (2024-07)' at screen 0.5702, screen 0.1357 center textcolor rgb '#262626'
set label 1004 'Cumulative cash flow (CNY)' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set arrow 3000 from screen 0.063, screen 0.0502 to screen 0.1142, screen 0.0502 nohead linecolor rgb '#1f5fa8' linewidth 5 dashtype solid
set label 3000 'Cumulative cash flow' at screen 0.1258, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3001 from screen 0.417, screen 0.0502 to screen 0.4682, screen 0.0502 nohead linecolor rgb '#262626' linewidth 3 dashtype (14,9)
set label 3001 'Discounted at 10% a year' at screen 0.4798, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set label 3018 '' at screen 0.8492, screen 0.0502 point pointtype 7 pointsize 2.72 linecolor rgb '#c8553d'
set label 3002 'Payback' at screen 0.8864, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '#c6dbef' notitle, \
     $d using 1:2 with filledcurves below y=0 fillcolor rgb '#f3cdc2' notitle, \
     $d using 1:2 with lines linecolor rgb '#1f5fa8' linewidth 5 notitle, \
     $d using 1:3 with lines linecolor rgb '#262626' linewidth 3 dashtype (14,9) notitle, \
     $pb using 1:2 with points pointtype 7 pointsize 4.08 linecolor rgb '#c8553d' notitle
#### debt.png en
# revsim chart: debt
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Debt service vs. net income' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  lowest DSCR 4.19× in year 1' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year net_income debt_service dscr dscr_drawn
1 16350 3905 4.186939821 4.186939821
2 18000 2380 7.56302521 5
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:20000]
set ytics nomirror out scale 0.5 ('0' 0, '2,500' 2500, '5,000' 5000, '7,500' 7500, '10,000' 10000, '12,500' 12500, '15,000' 15000, '17,500' 17500, '20,000' 20000)
set y2range [0:5]
set y2tics nomirror out scale 0.5 ('0×' 0, '1×' 1, '2×' 2, '3×' 3, '4×' 4, '5×' 5)
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
set label 2 '7.6×' at 2, second 5 right offset -1.1, 0 font 'Sans,20' textcolor rgb '#262626' front
set boxwidth 0.36 absolute
set bmargin at screen 0.2825
set lmargin at screen 0.1651
set rmargin at screen 0.882
set label 1003 'Programme year (year 1 begins 2024-07)' at screen 0.5235, screen 0.184 center textcolor rgb '#262626'
set label 1004 'Amount per year (CNY)' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set label 1005 'Debt-service cover (×)' at screen 0.9651, graph 0.5 center rotate by -90 textcolor rgb '#262626'
set object 3000 rect from screen 0.0864, screen 0.087 to screen 0.1376, screen 0.11 fillcolor rgb '#1f5fa8' fillstyle solid 1.0 noborder
set label 3000 'Net income' at screen 0.1492, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set object 3001 rect from screen 0.464, screen 0.087 to screen 0.5152, screen 0.11 fillcolor rgb '#c8553d' fillstyle solid 1.0 noborder
set label 3001 'Debt service' at screen 0.5268, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3002 from screen 0.0864, screen 0.0502 to screen 0.1376, screen 0.0502 nohead linecolor rgb '#7f7f7f' linewidth 3 dashtype (14,9)
set label 3002 'DSCR = 1: just covered' at screen 0.1492, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3003 from screen 0.464, screen 0.0502 to screen 0.5152, screen 0.0502 nohead linecolor rgb '#262626' linewidth 4 dashtype solid
set label 3019 '' at screen 0.4896, screen 0.0502 point pointtype 7 pointsize 2.72 linecolor rgb '#262626'
set label 3003 'Debt-service cover, DSCR (right axis)' at screen 0.5268, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $d using ($1-0.19):2 with boxes fillcolor rgb '#1f5fa8' notitle, \
     $d using ($1+0.19):3 with boxes fillcolor rgb '#c8553d' notitle, \
     1 axes x1y2 with lines linecolor rgb '#7f7f7f' dashtype (14,9) linewidth 3 notitle, \
     $d using 1:5 axes x1y2 with linespoints linecolor rgb '#262626' linewidth 4 pointtype 7 pointsize 2.21 notitle
#### levers.png en
# revsim chart: levers
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Lever league: what each lever earns' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  ranked by net present value' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
set multiplot
set border 1 linecolor rgb '#404040' linewidth 1
set grid noytics xtics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set yrange [0.4:2.6]
unset ytics
set label 500 'shops' at screen 0.081, first 2 right font 'Sans,24' textcolor rgb '#262626'
set label 501 'kiosk' at screen 0.081, first 1 right font 'Sans,24' textcolor rgb '#262626'
set xrange [0:26214.43181]
set xtics nomirror out scale 0.5 ('0' 0, '10,000' 10000, '20,000' 20000)
$npv << EOD
# row x_from x_to y_from y_to colour (bars cut at the axis ends)
2 0 20164.94755 1.66 2.34 0x1f5fa8
1 0 4922.533848 0.66 1.34 0x1f5fa8
EOD
set label 1 '20,165' at 20164.94755, 2 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626' front
set label 2 '4,923' at 4922.533848, 1 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626' front
set arrow 1 from 0, graph 0 to 0, graph 1 nohead front linecolor rgb '#262626' linewidth 2
set bmargin at screen 0.1524
set lmargin at screen 0.095
set rmargin at screen 0.62
set label 1003 'Net present value (CNY)' at screen 0.3575, screen 0.0539 center textcolor rgb '#262626'
plot $npv using ($2+$3)/2:1:2:3:4:5:6 with boxxyerror linecolor rgb variable notitle
unset label
unset arrow
unset object
set xrange [0:66.38297872]
set xtics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50)
$share << EOD
# row x_from x_to y_from y_to colour (bars cut at the axis ends)
2 0 51.06382979 1.66 2.34 0x2a9d6f
1 0 12.76595745 0.66 1.34 0x2a9d6f
EOD
set label 1 '51%' at 51.06382979, 2 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626' front
set label 2 '13%' at 12.76595745, 1 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626' front
set bmargin at screen 0.1524
set lmargin at screen 0.69
set rmargin at screen 0.95
set label 1003 'Deficit covered, year 2 (%)' at screen 0.82, screen 0.0539 center textcolor rgb '#262626'
plot $share using ($2+$3)/2:1:2:3:4:5:6 with boxxyerror linecolor rgb variable notitle
unset multiplot
#### communities.png en
# revsim chart: communities
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Coverage of the deficit by community' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  2 of 2 in deficit in year 2 (stabilized)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year, coverage % of each community, then of all (NaN: no deficit)
1 136.25 0 85.15625
2 85.71428571 0 63.82978723
EOD
set xrange [0.7:2.3]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:150]
set ytics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125, '150%%' 150)
set arrow 1 from 2, graph 0 to 2, graph 1 nohead back linecolor rgb '#dadada' linewidth 3 dashtype (14,9)
set label 1 'stabilized year' at 2, graph 0.97 right offset -0.4, 0 font 'Sans,21' textcolor rgb '#555555'
set bmargin at screen 0.2342
set lmargin at screen 0.1502
set rmargin at screen 0.9558
set label 1003 'Programme year (year 1 begins 2024-07)' at screen 0.553, screen 0.1357 center textcolor rgb '#262626'
set label 1004 'Coverage of the deficit (%)' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set arrow 3000 from screen 0.1659, screen 0.0502 to screen 0.2171, screen 0.0502 nohead linecolor rgb '#c8553d' linewidth 3 dashtype (12,6)
set label 3000 '100% coverage' at screen 0.2287, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3001 from screen 0.4524, screen 0.0502 to screen 0.5036, screen 0.0502 nohead linecolor rgb '#1f5fa8' linewidth 4 dashtype solid
set label 3017 '' at screen 0.478, screen 0.0502 point pointtype 7 pointsize 2.72 linecolor rgb '#1f5fa8'
set label 3001 'a' at screen 0.5152, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3002 from screen 0.5713, screen 0.0502 to screen 0.6225, screen 0.0502 nohead linecolor rgb '#e69f00' linewidth 4 dashtype solid
set label 3018 '' at screen 0.5969, screen 0.0502 point pointtype 7 pointsize 2.72 linecolor rgb '#e69f00'
set label 3002 'b' at screen 0.6341, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3003 from screen 0.6908, screen 0.0502 to screen 0.7419, screen 0.0502 nohead linecolor rgb '#262626' linewidth 5 dashtype (14,9)
set label 3003 'All communities' at screen 0.7535, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set clip two
plot 100 with lines linecolor rgb '#c8553d' dashtype (12,6) linewidth 3 notitle, \
     $d using 1:2 with linespoints linecolor rgb '#1f5fa8' linewidth 4 pointtype 7 pointsize 1.87 notitle, \
     $d using 1:3 with linespoints linecolor rgb '#e69f00' linewidth 4 pointtype 7 pointsize 1.87 notitle, \
     $d using 1:4 with lines linecolor rgb '#262626' linewidth 5 dashtype (14,9) notitle
#### fan_net_income.png en
# revsim chart: fan_net_income
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Annual net income: Monte Carlo range' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  40 Monte Carlo runs' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
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
set yrange [0:20000]
set ytics nomirror out scale 0.5 ('0' 0, '2,500' 2500, '5,000' 5000, '7,500' 7500, '10,000' 10000, '12,500' 12500, '15,000' 15000, '17,500' 17500, '20,000' 20000)
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
set bmargin at screen 0.2342
set lmargin at screen 0.1651
set rmargin at screen 0.9558
set label 1003 'Programme year (year 1 begins 2024-07)' at screen 0.5604, screen 0.1357 center textcolor rgb '#262626'
set label 1004 'Net income per year (CNY)' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set object 3000 rect from screen 0.2007, screen 0.0387 to screen 0.2518, screen 0.0617 fillcolor rgb '#c6dbef' fillstyle solid 1.0 noborder
set label 3000 'P10–P90 range' at screen 0.2635, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3001 from screen 0.4815, screen 0.0502 to screen 0.5327, screen 0.0502 nohead linecolor rgb '#1f5fa8' linewidth 5 dashtype solid
set label 3017 '' at screen 0.5071, screen 0.0502 point pointtype 7 pointsize 2.72 linecolor rgb '#1f5fa8'
set label 3001 'Median (P50)' at screen 0.5443, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3002 from screen 0.7399, screen 0.0502 to screen 0.7911, screen 0.0502 nohead linecolor rgb '#262626' linewidth 3 dashtype (14,9)
set label 3002 'Base case' at screen 0.8027, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $d using 1:2:4 with filledcurves fillcolor rgb '#c6dbef' notitle, \
     $d using 1:3 with linespoints linecolor rgb '#1f5fa8' linewidth 5 pointtype 7 pointsize 2.04 notitle, \
     $d using 1:5 with lines linecolor rgb '#262626' linewidth 3 dashtype (14,9) notitle
#### fan_coverage.png en
# revsim chart: fan_coverage
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Coverage of the deficit: Monte Carlo range' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  40 Monte Carlo runs' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year p10 p50 p90 base
1 64 80 100 85.15625
2 88 110 137.5 63.82978723
EOD
set xrange [0.7:2.3]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:150]
set ytics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125, '150%%' 150)
set bmargin at screen 0.2825
set lmargin at screen 0.1502
set rmargin at screen 0.9558
set label 1003 'Programme year (year 1 begins 2024-07)' at screen 0.553, screen 0.184 center textcolor rgb '#262626'
set label 1004 'Coverage of the deficit (%)' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set object 3000 rect from screen 0.1904, screen 0.087 to screen 0.2416, screen 0.11 fillcolor rgb '#c6dbef' fillstyle solid 1.0 noborder
set label 3000 'P10–P90 range' at screen 0.2532, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3001 from screen 0.4769, screen 0.0985 to screen 0.5281, screen 0.0985 nohead linecolor rgb '#1f5fa8' linewidth 5 dashtype solid
set label 3017 '' at screen 0.5025, screen 0.0985 point pointtype 7 pointsize 2.72 linecolor rgb '#1f5fa8'
set label 3001 'Median (P50)' at screen 0.5397, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3002 from screen 0.7353, screen 0.0985 to screen 0.7865, screen 0.0985 nohead linecolor rgb '#262626' linewidth 3 dashtype (14,9)
set label 3002 'Base case' at screen 0.7981, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3003 from screen 0.1904, screen 0.0502 to screen 0.2416, screen 0.0502 nohead linecolor rgb '#c8553d' linewidth 3 dashtype (12,6)
set label 3003 '100% coverage' at screen 0.2532, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $d using 1:2:4 with filledcurves fillcolor rgb '#c6dbef' notitle, \
     $d using 1:3 with linespoints linecolor rgb '#1f5fa8' linewidth 5 pointtype 7 pointsize 2.04 notitle, \
     $d using 1:5 with lines linecolor rgb '#262626' linewidth 3 dashtype (14,9) notitle, \
     100 with lines linecolor rgb '#c8553d' dashtype (12,6) linewidth 3 notitle
#### npv_histogram.png en
# revsim chart: npv_histogram
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Net present value over Monte Carlo runs' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  40 Monte Carlo runs' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
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
set yrange [0:7.5]
set ytics nomirror out scale 0.5 ('0.0%%' 0, '2.5%%' 2.5, '5.0%%' 5, '7.5%%' 7.5)
set boxwidth 1625 absolute
set style fill solid 1.0 border linecolor rgb '#ffffff'
set arrow 1 from -1000, graph 0 to -1000, graph 0.93 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 2.4
set label 1 'P10' at -1000, graph 0.93 center offset 0, 0.6 font 'Sans,22.5' textcolor rgb '#262626' front
set arrow 2 from 14500, graph 0 to 14500, graph 0.86 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 2.4
set label 2 'P50' at 14500, graph 0.86 center offset 0, 0.6 font 'Sans,22.5' textcolor rgb '#262626' front
set arrow 3 from 30000, graph 0 to 30000, graph 0.79 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 2.4
set label 3 'P90' at 30000, graph 0.79 center offset 0, 0.6 font 'Sans,22.5' textcolor rgb '#262626' front
set bmargin at screen 0.3309
set lmargin at screen 0.1428
set rmargin at screen 0.943
set label 1003 'Net present value (CNY)' at screen 0.5429, screen 0.2323 center textcolor rgb '#262626'
set label 1004 'Share of runs' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set object 3000 rect from screen 0.2592, screen 0.1353 to screen 0.3103, screen 0.1584 fillcolor rgb '#c8553d' fillstyle solid 1.0 noborder
set label 3000 'NPV < 0: 12.5% of runs' at screen 0.322, screen 0.1468 left font 'Sans,28' textcolor rgb '#262626'
set object 3001 rect from screen 0.2592, screen 0.087 to screen 0.3103, screen 0.11 fillcolor rgb '#1f5fa8' fillstyle solid 1.0 noborder
set label 3001 'NPV ≥ 0: 87.5% of runs' at screen 0.322, screen 0.0985 left font 'Sans,28' textcolor rgb '#262626'
set arrow 3002 from screen 0.2592, screen 0.0502 to screen 0.3103, screen 0.0502 nohead linecolor rgb '#262626' linewidth 2.4 dashtype (14,9)
set label 3002 'P10 −1,000, P50 14,500, P90 30,000 (CNY)' at screen 0.322, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $neg using 1:2 with boxes fillcolor rgb '#c8553d' notitle, \
     $pos using 1:2 with boxes fillcolor rgb '#1f5fa8' notitle
#### tornado.png en
# revsim chart: tornado
set encoding utf8
set terminal pngcairo size 1600,1000 noenhanced font 'Sans,28' fontscale 1 linewidth 2 background rgb '#ffffff'
set label 1001 'Sensitivity: Net present value' at screen 0.5, screen 0.955 center font 'Sans,33.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'Sans,26.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
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
set grid noytics xtics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set border 1 linecolor rgb '#404040' linewidth 1
set tmargin at screen 0.82
unset ytics
set yrange [0.4:4.6]
set label 500 'shops · income  900 – 1,500' at screen 0.3722, first 4 right font 'Sans,24' textcolor rgb '#262626'
set label 501 'kiosk · income  200 – 400' at screen 0.3722, first 3 right font 'Sans,24' textcolor rgb '#262626'
set label 502 'scenario · discount_rate  5% – 12%' at screen 0.3722, first 2 right font 'Sans,24' textcolor rgb '#262626'
set label 503 'a · cost_annual  15,000 – 21,000' at screen 0.3722, first 1 right font 'Sans,24' textcolor rgb '#262626'
set label 1 '12,000' at 12000, 4 right offset -0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 2 '30,000' at 30000, 4 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 3 '18,000' at 18000, 3 right offset -0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 4 '22,000' at 22000, 3 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 5 '21,000' at 21000, 2 left offset 0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 6 '19,000' at 19000, 2 right offset -0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set label 7 '20,164' at 20164, 1 right offset -0.5, 0 font 'Sans,21.5' textcolor rgb '#262626'
set arrow 1 from 20164.9, graph 0 to 20164.9, graph 1 nohead front linecolor rgb '#262626' linewidth 3
set label 8 'Base case: 20,165 CNY' at 20164.9, graph 1 center offset 0, 0.8 font 'Sans,24' textcolor rgb '#262626'
set bmargin at screen 0.2342
set lmargin at screen 0.3862
set rmargin at screen 0.93
set label 1003 'Net present value (CNY)' at screen 0.6581, screen 0.1357 center textcolor rgb '#262626'
set object 3000 rect from screen 0.1934, screen 0.0387 to screen 0.2446, screen 0.0617 fillcolor rgb '#56a0d3' fillstyle solid 1.0 noborder
set label 3000 'Parameter at its low value' at screen 0.2562, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
set object 3001 rect from screen 0.604, screen 0.0387 to screen 0.6552, screen 0.0617 fillcolor rgb '#e69f00' fillstyle solid 1.0 noborder
set label 3001 'Parameter at its high value' at screen 0.6668, screen 0.0502 left font 'Sans,28' textcolor rgb '#262626'
plot $bars using 1:2:3:4:5:6:7 with boxxyerror linecolor rgb variable notitle
#### coverage.pdf zh
# revsim chart: coverage
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '商业净收益与物业亏损' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year net_income deficit coverage_%
1 1.635 1.92 85.15625
2 1.8 2.82 63.82978723
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:3]
set ytics nomirror out scale 0.5 ('0.0' 0, '0.5' 0.5, '1.0' 1, '1.5' 1.5, '2.0' 2, '2.5' 2.5, '3.0' 3)
set y2range [0:125]
set y2tics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125)
set boxwidth 0.36 absolute
set bmargin at screen 0.2342
set lmargin at screen 0.1207
set rmargin at screen 0.8498
set label 1003 '项目年度（第1年始于2024-07）' at screen 0.4853, screen 0.1357 center textcolor rgb '#262626'
set label 1004 '年度金额（万元）' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set label 1005 '亏损覆盖率（%）' at screen 0.9651, graph 0.5 center rotate by -90 textcolor rgb '#262626'
set object 3000 rect from screen 0.0427, screen 0.0387 to screen 0.0939, screen 0.0617 fillcolor rgb '#1f5fa8' fillstyle solid 1.0 noborder
set label 3000 '商业净收益' at screen 0.1055, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set object 3001 rect from screen 0.2637, screen 0.0387 to screen 0.3148, screen 0.0617 fillcolor rgb '#c8553d' fillstyle solid 1.0 noborder
set label 3001 '物业亏损' at screen 0.3264, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3002 from screen 0.4613, screen 0.0502 to screen 0.5125, screen 0.0502 nohead linecolor rgb '#7f7f7f' linewidth 1.7 dashtype (14,9)
set label 3002 '100%覆盖线' at screen 0.5241, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3003 from screen 0.7022, screen 0.0502 to screen 0.7534, screen 0.0502 nohead linecolor rgb '#262626' linewidth 2.3 dashtype solid
set label 3019 '' at screen 0.7278, screen 0.0502 point pointtype 7 pointsize 0.88 linecolor rgb '#262626'
set label 3003 '覆盖率（右轴）' at screen 0.765, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $d using ($1-0.19):2 with boxes fillcolor rgb '#1f5fa8' notitle, \
     $d using ($1+0.19):3 with boxes fillcolor rgb '#c8553d' notitle, \
     100 axes x1y2 with lines linecolor rgb '#7f7f7f' dashtype (14,9) linewidth 1.7 notitle, \
     $d using 1:4 axes x1y2 with linespoints linecolor rgb '#262626' linewidth 2.3 pointtype 7 pointsize 0.72 notitle
#### revenue_by_lever.pdf zh
# revsim chart: revenue_by_lever
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '各项目年度收入' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year, then the revenue of the 2 largest levers summed from the largest, k = 1..2
1 1.44 1.635
2 1.44 1.8
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:2]
set ytics nomirror out scale 0.5 ('0.00' 0, '0.25' 0.25, '0.50' 0.5, '0.75' 0.75, '1.00' 1, '1.25' 1.25, '1.50' 1.5, '1.75' 1.75, '2.00' 2)
set label 1 '1.64' at 1, 1.635 center offset 0, 0.7 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 2 '1.80' at 2, 1.8 center offset 0, 0.7 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set boxwidth 0.7 absolute
set bmargin at screen 0.2342
set lmargin at screen 0.1355
set rmargin at screen 0.9558
set label 1003 '项目年度（第1年始于2024-07）' at screen 0.5457, screen 0.1357 center textcolor rgb '#262626'
set label 1004 '年度收入（万元）' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set object 3000 rect from screen 0.3981, screen 0.0387 to screen 0.4492, screen 0.0617 fillcolor rgb '#1f5fa8' fillstyle solid 1.0 noborder
set label 3000 'shops' at screen 0.4609, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set object 3001 rect from screen 0.5707, screen 0.0387 to screen 0.6219, screen 0.0617 fillcolor rgb '#e69f00' fillstyle solid 1.0 noborder
set label 3001 'kiosk' at screen 0.6335, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $d using 1:3 with boxes fillcolor rgb '#e69f00' notitle, \
     $d using 1:2 with boxes fillcolor rgb '#1f5fa8' notitle
#### fund.pdf zh
# revsim chart: fund
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '社区基金月末余额' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# years balance debt_balance
0 0.1 0
0.08333333333 0.06 0.6
0.1666666667 -0.01633333333 0.5666666667
0.25 -0.0925 0.5333333333
0.3333333333 -0.1676561339 0.5
0.4166666667 -0.238862241 0.4666666667
0.5 -0.2995289076 0.4333333333
0.5833333333 -0.3496561339 0.4
0.6666666667 -0.3958333333 0.3666666667
0.75 -0.441 0.3333333333
0.8333333333 -0.486 0.3
0.9166666667 -0.5308333333 0.2666666667
1 -0.5755 0.2333333333
1.083333333 -0.695 0.2
1.166666667 -0.8143333333 0.1666666667
1.25 -0.9335 0.1333333333
1.333333333 -1.0525 0.1
1.416666667 -1.171333333 0.06666666667
1.5 -1.29 0.03333333333
1.583333333 -1.4085 0
1.666666667 -1.4935 0
1.75 -1.5785 0
1.833333333 -1.6635 0
1.916666667 -1.7485 0
2 -1.8335 0
EOD
set xrange [0:2]
set xtics nomirror out scale 0.5 ('0' 0, '1' 1, '2' 2)
set yrange [-2.5:1]
set ytics nomirror out scale 0.5 ('−2.5' -2.5, '−2.0' -2, '−1.5' -1.5, '−1.0' -1, '−0.5' -0.5, '0.0' 0, '0.5' 0.5, '1.0' 1)
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
$min << EOD
2 -1.8335
EOD
set label 1 '基金最低余额：−1.83万元（第24月，2026-06）' at 2, -1.8335 right offset -1, -1.1 font 'WenQuanYi Micro Hei,7' textcolor rgb '#c8553d' front
set bmargin at screen 0.2825
set lmargin at screen 0.1402
set rmargin at screen 0.9558
set label 1003 '项目启动后年数（2024-07起）' at screen 0.548, screen 0.184 center textcolor rgb '#262626'
set label 1004 '基金余额（万元）' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set arrow 3000 from screen 0.1651, screen 0.0985 to screen 0.2163, screen 0.0985 nohead linecolor rgb '#1f5fa8' linewidth 2.9 dashtype solid
set label 3000 '月末余额' at screen 0.2279, screen 0.0985 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3001 from screen 0.4093, screen 0.0985 to screen 0.4605, screen 0.0985 nohead linecolor rgb '#e69f00' linewidth 2.5 dashtype solid
set label 3001 '未偿还借款余额' at screen 0.4721, screen 0.0985 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3002 from screen 0.6768, screen 0.0985 to screen 0.7279, screen 0.0985 nohead linecolor rgb '#262626' linewidth 1.7 dashtype (14,9)
set label 3002 '储备金：0.20万元' at screen 0.7396, screen 0.0985 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set label 3019 '' at screen 0.1907, screen 0.0502 point pointtype 7 pointsize 0.88 linecolor rgb '#c8553d'
set label 3003 '基金最低余额' at screen 0.2279, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '#c6dbef' notitle, \
     $d using 1:2 with filledcurves below y=0 fillcolor rgb '#f3cdc2' notitle, \
     $d using 1:2 with lines linecolor rgb '#1f5fa8' linewidth 2.9 notitle, \
     $d using 1:3 with lines linecolor rgb '#e69f00' linewidth 2.5 notitle, \
     0.2 with lines linecolor rgb '#262626' linewidth 1.7 dashtype (14,9) notitle, \
     $min using 1:2 with points pointtype 7 pointsize 1.32 linecolor rgb '#c8553d' notitle
#### cashflow.pdf zh
# revsim chart: cashflow
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '项目累计现金流' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
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
set yrange [-1:4]
set ytics nomirror out scale 0.5 ('−1' -1, '0' 0, '1' 1, '2' 2, '3' 3, '4' 4)
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
$pb << EOD
0.413008362 0
EOD
set arrow 1 from 0.413008362, graph 0 to 0.413008362, graph 1 nohead back linecolor rgb '#c8553d' dashtype (14,9) linewidth 1.4
set label 1 '投资回收期：0.4年' at 0.413008362, graph 0.93 left offset 0.8, 0 font 'WenQuanYi Micro Hei,7' textcolor rgb '#c8553d' front
set bmargin at screen 0.2342
set lmargin at screen 0.118
set rmargin at screen 0.9558
set label 1003 '项目启动后年数（2024-07起）' at screen 0.5369, screen 0.1357 center textcolor rgb '#262626'
set label 1004 '累计现金流（万元）' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set arrow 3000 from screen 0.1773, screen 0.0502 to screen 0.2285, screen 0.0502 nohead linecolor rgb '#1f5fa8' linewidth 2.9 dashtype solid
set label 3000 '累计现金流' at screen 0.2401, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3001 from screen 0.3983, screen 0.0502 to screen 0.4494, screen 0.0502 nohead linecolor rgb '#262626' linewidth 1.7 dashtype (14,9)
set label 3001 '按年折现率10%折现' at screen 0.4611, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set label 3018 '' at screen 0.743, screen 0.0502 point pointtype 7 pointsize 0.88 linecolor rgb '#c8553d'
set label 3002 '投资回收期' at screen 0.7802, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $d using 1:2 with filledcurves above y=0 fillcolor rgb '#c6dbef' notitle, \
     $d using 1:2 with filledcurves below y=0 fillcolor rgb '#f3cdc2' notitle, \
     $d using 1:2 with lines linecolor rgb '#1f5fa8' linewidth 2.9 notitle, \
     $d using 1:3 with lines linecolor rgb '#262626' linewidth 1.7 dashtype (14,9) notitle, \
     $pb using 1:2 with points pointtype 7 pointsize 1.32 linecolor rgb '#c8553d' notitle
#### debt.pdf zh
# revsim chart: debt
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '还本付息与净收益' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  最低偿债覆盖率4.19倍（第1年）' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year net_income debt_service dscr dscr_drawn
1 1.635 0.3905 4.186939821 4.186939821
2 1.8 0.238 7.56302521 5
EOD
set xrange [0.4:2.6]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:2]
set ytics nomirror out scale 0.5 ('0.00' 0, '0.25' 0.25, '0.50' 0.5, '0.75' 0.75, '1.00' 1, '1.25' 1.25, '1.50' 1.5, '1.75' 1.75, '2.00' 2)
set y2range [0:5]
set y2tics nomirror out scale 0.5 ('0倍' 0, '1倍' 1, '2倍' 2, '3倍' 3, '4倍' 4, '5倍' 5)
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
set label 2 '7.6倍' at 2, second 5 right offset -1.1, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626' front
set boxwidth 0.36 absolute
set bmargin at screen 0.2825
set lmargin at screen 0.1355
set rmargin at screen 0.8782
set label 1003 '项目年度（第1年始于2024-07）' at screen 0.5069, screen 0.184 center textcolor rgb '#262626'
set label 1004 '年度金额（万元）' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set label 1005 '偿债覆盖率（倍）' at screen 0.9651, graph 0.5 center rotate by -90 textcolor rgb '#262626'
set object 3000 rect from screen 0.0843, screen 0.087 to screen 0.1355, screen 0.11 fillcolor rgb '#1f5fa8' fillstyle solid 1.0 noborder
set label 3000 '净收益' at screen 0.1471, screen 0.0985 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set object 3001 rect from screen 0.3983, screen 0.087 to screen 0.4495, screen 0.11 fillcolor rgb '#c8553d' fillstyle solid 1.0 noborder
set label 3001 '还本付息' at screen 0.4611, screen 0.0985 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3002 from screen 0.596, screen 0.0985 to screen 0.6471, screen 0.0985 nohead linecolor rgb '#7f7f7f' linewidth 1.7 dashtype (14,9)
set label 3002 '覆盖率1倍：刚够还本付息' at screen 0.6588, screen 0.0985 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3003 from screen 0.0843, screen 0.0502 to screen 0.1355, screen 0.0502 nohead linecolor rgb '#262626' linewidth 2.3 dashtype solid
set label 3019 '' at screen 0.1099, screen 0.0502 point pointtype 7 pointsize 0.88 linecolor rgb '#262626'
set label 3003 '偿债覆盖率（右轴）' at screen 0.1471, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $d using ($1-0.19):2 with boxes fillcolor rgb '#1f5fa8' notitle, \
     $d using ($1+0.19):3 with boxes fillcolor rgb '#c8553d' notitle, \
     1 axes x1y2 with lines linecolor rgb '#7f7f7f' dashtype (14,9) linewidth 1.7 notitle, \
     $d using 1:5 axes x1y2 with linespoints linecolor rgb '#262626' linewidth 2.3 pointtype 7 pointsize 0.72 notitle
#### levers.pdf zh
# revsim chart: levers
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '各项目收益排名' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  按净现值排序' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
set multiplot
set border 1 linecolor rgb '#404040' linewidth 1
set grid noytics xtics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set yrange [0.4:2.6]
unset ytics
set label 500 'shops' at screen 0.081, first 2 right font 'WenQuanYi Micro Hei,7' textcolor rgb '#262626'
set label 501 'kiosk' at screen 0.081, first 1 right font 'WenQuanYi Micro Hei,7' textcolor rgb '#262626'
set xrange [0:2.621443181]
set xtics nomirror out scale 0.5 ('0.0' 0, '0.5' 0.5, '1.0' 1, '1.5' 1.5, '2.0' 2, '2.5' 2.5)
$npv << EOD
# row x_from x_to y_from y_to colour (bars cut at the axis ends)
2 0 2.016494755 1.66 2.34 0x1f5fa8
1 0 0.4922533848 0.66 1.34 0x1f5fa8
EOD
set label 1 '2.02' at 2.016494755, 2 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626' front
set label 2 '0.49' at 0.4922533848, 1 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626' front
set arrow 1 from 0, graph 0 to 0, graph 1 nohead front linecolor rgb '#262626' linewidth 1.2
set bmargin at screen 0.1524
set lmargin at screen 0.095
set rmargin at screen 0.62
set label 1003 '净现值（万元）' at screen 0.3575, screen 0.0539 center textcolor rgb '#262626'
plot $npv using ($2+$3)/2:1:2:3:4:5:6 with boxxyerror linecolor rgb variable notitle
unset label
unset arrow
unset object
set xrange [0:66.38297872]
set xtics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50)
$share << EOD
# row x_from x_to y_from y_to colour (bars cut at the axis ends)
2 0 51.06382979 1.66 2.34 0x2a9d6f
1 0 12.76595745 0.66 1.34 0x2a9d6f
EOD
set label 1 '51%' at 51.06382979, 2 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626' front
set label 2 '13%' at 12.76595745, 1 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626' front
set bmargin at screen 0.1524
set lmargin at screen 0.69
set rmargin at screen 0.95
set label 1003 '第2年（稳定年）亏损覆盖份额（%）' at screen 0.7909, screen 0.0539 center textcolor rgb '#262626'
plot $share using ($2+$3)/2:1:2:3:4:5:6 with boxxyerror linecolor rgb variable notitle
unset multiplot
#### communities.pdf zh
# revsim chart: communities
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '各小区物业亏损覆盖率' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  稳定年（第2年）2个小区仍有亏损（共2个）' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year, coverage % of each community, then of all (NaN: no deficit)
1 136.25 0 85.15625
2 85.71428571 0 63.82978723
EOD
set xrange [0.7:2.3]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:150]
set ytics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125, '150%%' 150)
set arrow 1 from 2, graph 0 to 2, graph 1 nohead back linecolor rgb '#dadada' linewidth 1.7 dashtype (14,9)
set label 1 '稳定年' at 2, graph 0.97 right offset -0.4, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#555555'
set bmargin at screen 0.2342
set lmargin at screen 0.1502
set rmargin at screen 0.9558
set label 1003 '项目年度（第1年始于2024-07）' at screen 0.553, screen 0.1357 center textcolor rgb '#262626'
set label 1004 '亏损覆盖率（%）' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set arrow 3000 from screen 0.2122, screen 0.0502 to screen 0.2634, screen 0.0502 nohead linecolor rgb '#c8553d' linewidth 1.7 dashtype (12,6)
set label 3000 '100%覆盖线' at screen 0.275, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3001 from screen 0.4531, screen 0.0502 to screen 0.5043, screen 0.0502 nohead linecolor rgb '#1f5fa8' linewidth 2.3 dashtype solid
set label 3017 '' at screen 0.4787, screen 0.0502 point pointtype 7 pointsize 0.88 linecolor rgb '#1f5fa8'
set label 3001 'a' at screen 0.5159, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3002 from screen 0.572, screen 0.0502 to screen 0.6232, screen 0.0502 nohead linecolor rgb '#e69f00' linewidth 2.3 dashtype solid
set label 3018 '' at screen 0.5976, screen 0.0502 point pointtype 7 pointsize 0.88 linecolor rgb '#e69f00'
set label 3002 'b' at screen 0.6348, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3003 from screen 0.6914, screen 0.0502 to screen 0.7426, screen 0.0502 nohead linecolor rgb '#262626' linewidth 2.9 dashtype (14,9)
set label 3003 '全部小区合计' at screen 0.7542, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set clip two
plot 100 with lines linecolor rgb '#c8553d' dashtype (12,6) linewidth 1.7 notitle, \
     $d using 1:2 with linespoints linecolor rgb '#1f5fa8' linewidth 2.3 pointtype 7 pointsize 0.61 notitle, \
     $d using 1:3 with linespoints linecolor rgb '#e69f00' linewidth 2.3 pointtype 7 pointsize 0.61 notitle, \
     $d using 1:4 with lines linecolor rgb '#262626' linewidth 2.9 dashtype (14,9) notitle
#### fan_net_income.pdf zh
# revsim chart: fan_net_income
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '年度净收益：蒙特卡洛模拟区间' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  蒙特卡洛模拟40次' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
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
set yrange [0:2]
set ytics nomirror out scale 0.5 ('0.00' 0, '0.25' 0.25, '0.50' 0.5, '0.75' 0.75, '1.00' 1, '1.25' 1.25, '1.50' 1.5, '1.75' 1.75, '2.00' 2)
set xzeroaxis linetype 1 linecolor rgb '#7f7f7f' linewidth 1
set bmargin at screen 0.2342
set lmargin at screen 0.1355
set rmargin at screen 0.9558
set label 1003 '项目年度（第1年始于2024-07）' at screen 0.5457, screen 0.1357 center textcolor rgb '#262626'
set label 1004 '年度净收益（万元）' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set object 3000 rect from screen 0.2093, screen 0.0387 to screen 0.2605, screen 0.0617 fillcolor rgb '#c6dbef' fillstyle solid 1.0 noborder
set label 3000 'P10–P90区间' at screen 0.2721, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3001 from screen 0.4616, screen 0.0502 to screen 0.5128, screen 0.0502 nohead linecolor rgb '#1f5fa8' linewidth 2.9 dashtype solid
set label 3017 '' at screen 0.4872, screen 0.0502 point pointtype 7 pointsize 0.88 linecolor rgb '#1f5fa8'
set label 3001 '中位数（P50）' at screen 0.5244, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3002 from screen 0.7262, screen 0.0502 to screen 0.7773, screen 0.0502 nohead linecolor rgb '#262626' linewidth 1.7 dashtype (14,9)
set label 3002 '基准情景' at screen 0.789, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $d using 1:2:4 with filledcurves fillcolor rgb '#c6dbef' notitle, \
     $d using 1:3 with linespoints linecolor rgb '#1f5fa8' linewidth 2.9 pointtype 7 pointsize 0.66 notitle, \
     $d using 1:5 with lines linecolor rgb '#262626' linewidth 1.7 dashtype (14,9) notitle
#### fan_coverage.pdf zh
# revsim chart: fan_coverage
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '物业亏损覆盖率：蒙特卡洛模拟区间' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  蒙特卡洛模拟40次' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
set style fill solid 1.0 noborder
set tics textcolor rgb '#262626'
set xtics nomirror out scale 0.5
set ytics nomirror out scale 0.5
set datafile missing 'NaN'
$d << EOD
# year p10 p50 p90 base
1 64 80 100 85.15625
2 88 110 137.5 63.82978723
EOD
set xrange [0.7:2.3]
set xtics nomirror out scale 0 ('1' 1, '2' 2)
set yrange [0:150]
set ytics nomirror out scale 0.5 ('0%%' 0, '25%%' 25, '50%%' 50, '75%%' 75, '100%%' 100, '125%%' 125, '150%%' 150)
set bmargin at screen 0.2342
set lmargin at screen 0.1502
set rmargin at screen 0.9558
set label 1003 '项目年度（第1年始于2024-07）' at screen 0.553, screen 0.1357 center textcolor rgb '#262626'
set label 1004 '亏损覆盖率（%）' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set object 3000 rect from screen 0.0702, screen 0.0387 to screen 0.1213, screen 0.0617 fillcolor rgb '#c6dbef' fillstyle solid 1.0 noborder
set label 3000 'P10–P90区间' at screen 0.133, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3001 from screen 0.3225, screen 0.0502 to screen 0.3737, screen 0.0502 nohead linecolor rgb '#1f5fa8' linewidth 2.9 dashtype solid
set label 3017 '' at screen 0.3481, screen 0.0502 point pointtype 7 pointsize 0.88 linecolor rgb '#1f5fa8'
set label 3001 '中位数（P50）' at screen 0.3853, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3002 from screen 0.587, screen 0.0502 to screen 0.6382, screen 0.0502 nohead linecolor rgb '#262626' linewidth 1.7 dashtype (14,9)
set label 3002 '基准情景' at screen 0.6498, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3003 from screen 0.7847, screen 0.0502 to screen 0.8359, screen 0.0502 nohead linecolor rgb '#c8553d' linewidth 1.7 dashtype (12,6)
set label 3003 '100%覆盖线' at screen 0.8475, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $d using 1:2:4 with filledcurves fillcolor rgb '#c6dbef' notitle, \
     $d using 1:3 with linespoints linecolor rgb '#1f5fa8' linewidth 2.9 pointtype 7 pointsize 0.66 notitle, \
     $d using 1:5 with lines linecolor rgb '#262626' linewidth 1.7 dashtype (14,9) notitle, \
     100 with lines linecolor rgb '#c8553d' dashtype (12,6) linewidth 1.7 notitle
#### npv_histogram.pdf zh
# revsim chart: npv_histogram
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '净现值分布（蒙特卡洛模拟）' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)  ·  蒙特卡洛模拟40次' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
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
set yrange [0:7.5]
set ytics nomirror out scale 0.5 ('0.0%%' 0, '2.5%%' 2.5, '5.0%%' 5, '7.5%%' 7.5)
set boxwidth 0.1625 absolute
set style fill solid 1.0 border linecolor rgb '#ffffff'
set arrow 1 from -0.1, graph 0 to -0.1, graph 0.93 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 1.4
set label 1 'P10' at -0.1, graph 0.93 center offset 0, 0.6 font 'WenQuanYi Micro Hei,6.5' textcolor rgb '#262626' front
set arrow 2 from 1.45, graph 0 to 1.45, graph 0.86 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 1.4
set label 2 'P50' at 1.45, graph 0.86 center offset 0, 0.6 font 'WenQuanYi Micro Hei,6.5' textcolor rgb '#262626' front
set arrow 3 from 3, graph 0 to 3, graph 0.79 nohead front linecolor rgb '#262626' dashtype (14,9) linewidth 1.4
set label 3 'P90' at 3, graph 0.79 center offset 0, 0.6 font 'WenQuanYi Micro Hei,6.5' textcolor rgb '#262626' front
set bmargin at screen 0.2825
set lmargin at screen 0.1428
set rmargin at screen 0.9555
set label 1003 '净现值（万元）' at screen 0.5491, screen 0.184 center textcolor rgb '#262626'
set label 1004 '模拟次数占比' at screen 0.0349, graph 0.5 center rotate by 90 textcolor rgb '#262626'
set object 3000 rect from screen 0.1223, screen 0.087 to screen 0.1735, screen 0.11 fillcolor rgb '#c8553d' fillstyle solid 1.0 noborder
set label 3000 '净现值<0：占12.5%' at screen 0.1851, screen 0.0985 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set object 3001 rect from screen 0.6943, screen 0.087 to screen 0.7455, screen 0.11 fillcolor rgb '#1f5fa8' fillstyle solid 1.0 noborder
set label 3001 '净现值≥0：占87.5%' at screen 0.7571, screen 0.0985 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set arrow 3002 from screen 0.1223, screen 0.0502 to screen 0.1735, screen 0.0502 nohead linecolor rgb '#262626' linewidth 1.4 dashtype (14,9)
set label 3002 'P10 −0.10，P50 1.45，P90 3.00（万元）' at screen 0.1851, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $neg using 1:2 with boxes fillcolor rgb '#c8553d' notitle, \
     $pos using 1:2 with boxes fillcolor rgb '#1f5fa8' notitle
#### tornado.pdf zh
# revsim chart: tornado
set encoding utf8
set terminal pdfcairo size 16cm,10cm noenhanced font 'WenQuanYi Micro Hei,8' fontscale 1 linewidth 1.15 background rgb '#ffffff'
set label 1001 '净现值敏感性分析' at screen 0.5, screen 0.955 center font 'WenQuanYi Micro Hei,9.5' textcolor rgb '#262626'
set label 1002 'Test estate (测试)' at screen 0.5, screen 0.905 center font 'WenQuanYi Micro Hei,7.5' textcolor rgb '#555555'
set tmargin at screen 0.855
set border 3 linecolor rgb '#404040' linewidth 1
set grid ytics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
unset key
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
set grid noytics xtics back linetype 1 linecolor rgb '#dadada' linewidth 0.5
set border 1 linecolor rgb '#404040' linewidth 1
set tmargin at screen 0.82
unset ytics
set yrange [0.4:4.6]
set label 500 'shops · 月收入  900 – 1,500' at screen 0.3481, first 4 right font 'WenQuanYi Micro Hei,7' textcolor rgb '#262626'
set label 501 'kiosk · 月收入  200 – 400' at screen 0.3481, first 3 right font 'WenQuanYi Micro Hei,7' textcolor rgb '#262626'
set label 502 '方案设置 · 折现率  5% – 12%' at screen 0.3481, first 2 right font 'WenQuanYi Micro Hei,7' textcolor rgb '#262626'
set label 503 'a · 年度物业成本  15,000 – 21,000' at screen 0.3481, first 1 right font 'WenQuanYi Micro Hei,7' textcolor rgb '#262626'
set label 1 '1.20' at 1.2, 4 right offset -0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 2 '3.00' at 3, 4 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 3 '1.80' at 1.8, 3 right offset -0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 4 '2.20' at 2.2, 3 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 5 '2.10' at 2.1, 2 left offset 0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 6 '1.90' at 1.9, 2 right offset -0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set label 7 '2.02' at 2.0164, 1 right offset -0.5, 0 font 'WenQuanYi Micro Hei,6' textcolor rgb '#262626'
set arrow 1 from 2.01649, graph 0 to 2.01649, graph 1 nohead front linecolor rgb '#262626' linewidth 1.7
set label 8 '基准情景：2.02万元' at 2.01649, graph 1 center offset 0, 0.8 font 'WenQuanYi Micro Hei,7' textcolor rgb '#262626'
set bmargin at screen 0.2342
set lmargin at screen 0.3621
set rmargin at screen 0.93
set label 1003 '净现值（万元）' at screen 0.646, screen 0.1357 center textcolor rgb '#262626'
set object 3000 rect from screen 0.446, screen 0.0387 to screen 0.4972, screen 0.0617 fillcolor rgb '#56a0d3' fillstyle solid 1.0 noborder
set label 3000 '参数取低值' at screen 0.5088, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
set object 3001 rect from screen 0.667, screen 0.0387 to screen 0.7181, screen 0.0617 fillcolor rgb '#e69f00' fillstyle solid 1.0 noborder
set label 3001 '参数取高值' at screen 0.7298, screen 0.0502 left font 'WenQuanYi Micro Hei,8' textcolor rgb '#262626'
plot $bars using 1:2:3:4:5:6:7 with boxxyerror linecolor rgb variable notitle
