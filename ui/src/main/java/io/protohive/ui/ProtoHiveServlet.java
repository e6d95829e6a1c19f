package io.protohive.ui;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;

/**
 * The Vaadin servlet, declared rather than left to vaadin-cdi's automatic registration so that it
 * accepts multipart requests: the plugin upload sends jars that way. The servlet container, not the
 * view, buffers nothing large in memory: parts over 1 MB go to a temporary file.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true, name = "protohive-ui")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 64L * 1024 * 1024)
public class ProtoHiveServlet extends CdiVaadinServlet {}
