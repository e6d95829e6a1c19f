package io.protohive.ui.task;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.task.CommentView;
import io.protohive.ui.layout.Dates;

/**
 * One comment on a task: who wrote it and when, above what they wrote, as plain text with its line
 * breaks, since agents and people alike may write anything there.
 */
final class CommentItem extends Div {

  CommentItem(CommentView comment, String author) {
    addClassName("task-comment-item");
    getElement().setAttribute("data-author-kind", comment.authorKind());
    addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM);
    getStyle().set("background", "var(--lumo-contrast-5pct)");

    Span name = new Span(author);
    name.addClassNames("task-comment-author", LumoUtility.FontWeight.SEMIBOLD);
    Span when = new Span(Dates.format(comment.createdAt()));
    when.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    Div header = new Div(name, when);
    header.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");

    Div text = new Div();
    text.addClassName("task-comment-text");
    text.setText(comment.content());
    text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    add(header, text);
  }
}
