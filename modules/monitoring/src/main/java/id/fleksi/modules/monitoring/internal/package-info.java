/**
 * Monitoring's own workings, for this module alone ({@code ModularityTest}): the day's facts and each person's standing,
 * who sees persons, the live stream, digests, early warnings and their mail, apel pages, and the page and API
 * controllers. Other modules and the application use the package above.
 */
package id.fleksi.modules.monitoring.internal;
