package id.fleksi.modules.monitoring.internal;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DigestController {

    private static final String WHO = "Roles pimpinan and bkd: any unit; the head of a unit: it and the units under it;"
            + " tenant-admin is refused (a digest lists persons; the live view gives counts). Sub-units roll up into the"
            + " unit asked for. month=2026-11 or week=2026-W48, one of them; neither: this month. Days after today are not"
            + " counted, and today is never absent yet.";

    private final Digests digests;
    private final DigestWorkbook workbook;

    DigestController(Digests digests, DigestWorkbook workbook) {
        this.digests = digests;
        this.workbook = workbook;
    }

    @Operation(
            operationId = "monitoringDigest",
            summary = "A unit's weekly or monthly digest: per person and per week",
            description = WHO)
    @GetMapping(path = "/api/v1/t/{code}/monitoring/digest", produces = MediaType.APPLICATION_JSON_VALUE)
    Digests.Digest digest(
            @PathVariable String code,
            @RequestParam String unit,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String week,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        return digests.of(tenant, caller, unit.strip(), digests.period(tenant, month, week));
    }

    @Operation(
            operationId = "monitoringDigestWorkbook",
            summary = "The same digest as an XLSX workbook, ready to print",
            description = WHO + " A sheet for the period, then one per ISO week; headings in the caller's language.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The workbook",
                            content =
                                    @Content(
                                            mediaType = DigestWorkbook.MEDIA_TYPE,
                                            schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(path = "/api/v1/t/{code}/monitoring/digest.xlsx", produces = DigestWorkbook.MEDIA_TYPE)
    ResponseEntity<byte[]> workbook(
            @PathVariable String code,
            @RequestParam String unit,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String week,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller,
            @Parameter(hidden = true) Locale locale) {
        return file(workbook, digests.of(tenant, caller, unit.strip(), digests.period(tenant, month, week)), locale);
    }

    static ResponseEntity<byte[]> file(DigestWorkbook workbook, Digests.Digest digest, Locale locale) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DigestWorkbook.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(workbook.fileName(digest, locale), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(workbook.write(digest, locale));
    }
}
