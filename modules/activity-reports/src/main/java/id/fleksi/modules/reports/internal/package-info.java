/**
 * The daily report's own workings, for this module alone ({@code ModularityTest}): the deadline, reviews, evidence
 * files, work-result plans, the check-out rule, the rows as stored, and the page and API controllers. Other modules use
 * the package above ({@code DailyReports}, {@code ReportDay}).
 */
package id.fleksi.modules.reports.internal;
