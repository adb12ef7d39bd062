package nl.blijvendveilig.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring's own error answer ({@code /error}, where the servlet container sends every error that no
 * handler answered): the status and a Dutch message as JSON, whatever the caller accepts. Not
 * Spring's "Whitelabel Error Page", no exception, no path, no stack trace (the servlet container logs an
 * exception for the beheerder).
 */
@Controller
public class ErrorAnswers implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value && value >= 400 ? value : HttpServletResponse.SC_NOT_FOUND;
    response.resetBuffer();
    ApiErrors.write(response, status, ApiErrors.messageFor(status));
  }
}
