package io.protohive.ui.developer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;

/**
 * How programs reach the agents: the OpenAI-compatible API and the MCP server, with snippets to
 * copy (curl, Python, JavaScript), written for the address the page was opened at.
 */
class Connect extends Div {

  Connect(String origin) {
    String openai = origin + "/api/openai/v1";
    String mcp = origin + "/api/mcp";
    add(
        new H3("Connect a program"),
        new Paragraph(
            "Every agent you can see is a model named <organization>/<agent> at "
                + openai
                + ", and the MCP server at "
                + mcp
                + " offers list_agents, ask_agent, create_task, get_task and search_knowledge."),
        snippet(
            "openai-curl",
            "curl",
            "curl "
                + openai
                + "/chat/completions \\\n"
                + "  -H \"Authorization: Bearer $PROTOHIVE_TOKEN\" \\\n"
                + "  -H \"Content-Type: application/json\" \\\n"
                + "  -d '{\"model\": \"acme/Strategist\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Plan our launch\"}]}'"),
        snippet(
            "openai-python",
            "Python (openai)",
            "from openai import OpenAI\n\n"
                + "client = OpenAI(base_url=\""
                + openai
                + "\", api_key=os.environ[\"PROTOHIVE_TOKEN\"])\n"
                + "for model in client.models.list():\n"
                + "    print(model.id)\n"
                + "answer = client.chat.completions.create(\n"
                + "    model=\"acme/Strategist\",\n"
                + "    messages=[{\"role\": \"user\", \"content\": \"Plan our launch\"}])\n"
                + "print(answer.choices[0].message.content)"),
        snippet(
            "openai-javascript",
            "JavaScript (openai)",
            "import OpenAI from \"openai\";\n\n"
                + "const client = new OpenAI({ baseURL: \""
                + openai
                + "\", apiKey: process.env.PROTOHIVE_TOKEN });\n"
                + "const stream = await client.chat.completions.create({\n"
                + "  model: \"acme/Strategist\", stream: true,\n"
                + "  messages: [{ role: \"user\", content: \"Plan our launch\" }] });\n"
                + "for await (const chunk of stream) "
                + "process.stdout.write(chunk.choices[0]?.delta?.content ?? \"\");"),
        snippet(
            "mcp-config",
            "MCP client configuration",
            "{\n  \"mcpServers\": {\n    \"protohive\": {\n      \"type\": \"http\",\n"
                + "      \"url\": \""
                + mcp
                + "\",\n      \"headers\": { \"Authorization\": \"Bearer ${PROTOHIVE_TOKEN}\" }\n"
                + "    }\n  }\n}"));
  }

  private static Div snippet(String id, String title, String code) {
    Pre text = new Pre(code);
    text.setId(id);
    text.getStyle().set("white-space", "pre-wrap");
    return new Div(new H4(title), text, DeveloperView.copyButton(id + "-copy", () -> code));
  }
}
