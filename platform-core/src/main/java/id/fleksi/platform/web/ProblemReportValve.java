package id.fleksi.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat refuses itself, before Spring sees the request (an encoded NUL or slash in the address, headers larger
 * than it reads), answered as a problem instead of Tomcat's HTML page, with no server name or version.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status == 400
                ? "The request's address or headers could not be read (an encoded slash, a NUL byte, or"
                        + " more than the server reads). Nothing was changed."
                : "The request was refused by the server.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:fleksi:problem:http-" + status
                        + "\",\"title\":\"Request refused\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer already started: nothing more to say
        }
    }

    /** Puts the valve in place of Tomcat's own on the host (it is added when the host starts, after Spring Boot's). */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        TomcatContextCustomizer problemReportValve() {
            return context ->
                    ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
        }
    }
}
