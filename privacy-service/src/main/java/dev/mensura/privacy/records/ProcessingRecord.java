package dev.mensura.privacy.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The record of processing activities (Art. 30(1) GDPR) as data. One source, {@code
 * processing-activities.json}, feeds both the record for regulators and the notice for users, so
 * the two cannot tell different stories. Formal texts ({@code description}, {@code handling},
 * {@code statement}) are for the record; {@code plain} texts, in the second person, for the notice.
 */
public record ProcessingRecord(
        Controller controller,
        List<SubjectCategory> dataSubjects,
        List<Purpose> purposes,
        List<DataCategory> dataCategories,
        Recipients recipients,
        Transfers thirdCountryTransfers,
        Statement automatedDecisions,
        List<Measure> measures,
        List<Right> rights) {

    /** Art. 30(1)(a). Placeholders in the resource; an installation sets its own in configuration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Controller(String name, String contact, String dataProtectionOfficer) {
    }

    public record SubjectCategory(String id, String description) {
    }

    /**
     * Art. 30(1)(b). {@code consentPurpose} is the consent slug that guards the purpose (I4), null
     * when the lawful basis is not consent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Purpose(String id, String name, String description, String plain, List<LawfulBasis> lawfulBasis,
                          String consentPurpose, String plainBasis) {
    }

    public record LawfulBasis(String article, String ground) {
    }

    /**
     * Art. 30(1)(c) with the retention of (f). {@code measures} names the safeguards by id;
     * {@code pseudonymousOnly}: the category holds nothing about a person but their pseudonym;
     * {@code plainName}, when the formal name is not everyday language, is the notice's label.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataCategory(String id, String name, String plainName, String description, List<String> purposes,
                               boolean specialCategory, boolean pseudonymousOnly, String handling, String plain,
                               List<String> measures, Retention retention) {
    }

    /**
     * How long a category is kept. {@code maxAge} is an ISO-8601 duration counted {@code from} an
     * event; it and {@code from} are set only for {@link Kind#PERIOD}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Retention(Kind kind, String maxAge, String from, String note) {
        public enum Kind {
            /** Deleted at the latest {@code maxAge} after {@code from}, and earlier on erasure. */
            @JsonProperty("period") PERIOD,
            /** Deleted when the subject erases its data or withdraws consent. */
            @JsonProperty("until-erasure") UNTIL_ERASURE,
            /** Not deleted; allowed only for pseudonymous categories, with the reason in {@code note}. */
            @JsonProperty("kept") KEPT
        }
    }

    /** Art. 30(1)(d). No third parties by design; processors are the operator's own. */
    public record Recipients(String summary, String plain, List<Processor> processors) {
    }

    public record Processor(String name, String description) {
    }

    /** Art. 30(1)(e). {@code transfers} is empty by design; an operator hosting abroad adds its own. */
    public record Transfers(List<String> transfers, String statement, String plain) {
    }

    public record Statement(String statement, String plain) {
    }

    /** Art. 30(1)(g): the invariants I1–I7 and the measures around them, in words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measure(String id, String name, String plainName, String description, String plain) {
    }

    /** A data-subject right and the API that exercises it. */
    public record Right(String id, String article, String name, String description, String plain,
                        List<Endpoint> endpoints) {
    }

    public record Endpoint(String method, String path, String what, EndpointStatus status) {
    }

    /** Announced endpoints are promised by the blueprint but not served yet; the texts say so. */
    public enum EndpointStatus {
        @JsonProperty("available") AVAILABLE,
        @JsonProperty("announced") ANNOUNCED
    }

    /** The same record answered by another controller (an installation's own name and contacts). */
    public ProcessingRecord withController(Controller controller) {
        return new ProcessingRecord(controller, dataSubjects, purposes, dataCategories, recipients,
                thirdCountryTransfers, automatedDecisions, measures, rights);
    }
}
