package io.relaybox.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem where Spring MVC does not (a servlet filter, Tomcat's error report valve) in the same form as its
 * message converters: the RFC 9457 members, then the extension members ({@code errors}) beside them.
 */
final class ProblemJson {

    private ProblemJson() {
    }

    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(members));
    }
}
