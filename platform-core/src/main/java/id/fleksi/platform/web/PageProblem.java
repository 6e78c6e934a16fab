package id.fleksi.platform.web;

import org.springframework.http.HttpStatus;

/** A problem met on a page (not the API): shown to the person as a page, whichever module's controller it hit. */
public class PageProblem extends Problem {

    public PageProblem(Problem problem) {
        super(HttpStatus.valueOf(problem.getStatusCode().value()), type(problem), problem.getBody().getTitle(),
                problem.getMessage());
        detailCode = problem.detailCode;
        arguments = problem.arguments;
    }

    private static String type(Problem problem) {
        String type = problem.getBody().getType().toString();
        return type.startsWith("urn:fleksi:problem:") ? type.substring("urn:fleksi:problem:".length()) : type;
    }
}
