/**
 * The policy engine's own workings, for this module alone ({@code ModularityTest}): the facts a decision reads, quotas,
 * sanctions, the national frame, the policy form, and the page and API controllers. Other modules use the package above.
 */
package id.fleksi.modules.fwa.internal;
