/**
 * The web pages: a tenant's home at {@code /t/{code}/} (login with the tenant's own realm) and the platform
 * console at {@code /platform/}. Server-rendered, mobile-first, Bahasa Indonesia by default.
 */
package id.fleksi.app.web;
