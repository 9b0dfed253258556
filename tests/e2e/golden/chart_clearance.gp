reset
set terminal pngcairo noenhanced font 'Noto Sans CJK SC,10' size 800,450
set output 'chart.png'
set encoding utf8
set xdata time
set timefmt '%Y-%m-%d'
set grid
set key outside top center horizontal maxrows 1 font ',10' samplen 1.5 width -1
set style textbox opaque noborder
set xrange ['2020-05-25':'2036-08-07']
set xtics ('2020' '2020-12-31', '2025' '2025-12-31', '2030' '2030-12-31', '2035' '2035-12-31')
set title 'Single-trip clearance time, Macao–Hengqin commuters'."\n".'status: on track · progress 80% · time elapsed 27% · illustrative*' font ',11' tc rgb '#222222'
set object 90 rectangle from screen 0,1 to screen 1,0.9867 fc rgb '#66bd63' fs solid noborder front
set ylabel 'minutes'
set label 100 'source: seed 000_80ceadc882f13709.txt: "每天通关时间从单程40-50分钟缩短到了25分钟，节约将近一半"' at screen 0.01,0.0156 font ',10' front
set bmargin 4.2
set label 'baseline 2020: 45' at '2020-12-31',45 left offset 0.5,1.0 font ',10' boxed front
set label 'target 2035: 20*' at '2035-12-31',20 right offset -0.5,1.0 font ',10' boxed front
$obs << EOD
2020-12-31 45
2024-12-31 25
EOD
$plan << EOD
2020-12-31 45
2035-12-31 20
EOD
$proj << EOD
2024-12-31 25
2026-07-09 20
EOD
$marks << EOD
2035-12-31 20
EOD
$base << EOD
2020-12-31 45
EOD
set yrange [0:50]
set ytics ('0' 0, '10' 10, '20' 20, '30' 30, '40' 40, '50' 50)
plot NaN notitle, $plan using 1:2 with lines dt 2 lw 2 lc rgb '#777777' title 'planned path', $obs using 1:2 with linespoints lw 2 pt 7 ps 0.8 lc rgb '#1f77b4' title 'observed', $proj using 1:2 with lines dt 3 lw 2 lc rgb '#ff7f0e' title 'projection', $base using 1:2 with points pt 5 ps 1.2 lc rgb '#555555' title 'baseline', $marks using 1:2 with points pt 9 ps 1.8 lc rgb '#d62728' title 'target'
unset output
