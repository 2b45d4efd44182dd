// Dataset statistics: majority vote, the paper's Table 2, the label chart (Figure 4) and an HTML report.
export { countVotes, countPositives, isMajority, majorityVote, positiveCounts, type ImageVotes, type VoteCount } from './majority-vote.js';
export { imageFacts, type ImageFacts } from './image-facts.js';
export { table2, splitFigures, percentOf, median, type Table2, type Table2Options, type SplitFigures, type LabelFigure } from './table2.js';
export { labelChartSvg, chartDataFromTable2, type LabelChartData, type LabelChartOptions, type ChartSeries } from './label-chart-svg.js';
export { statsReportHtml, table2Html, type StatsReportOptions } from './stats-report-html.js';
export { escapeMarkup, formatCount } from './escape-markup.js';
