// An MCP server on standard input and output whose tools grow: each call of one adds another, and
// the server says its tools changed.
const readline = require("node:readline");

const tools = [{ name: "grow", description: "Adds a tool", inputSchema: { type: "object" } }];
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const message = JSON.parse(line);
  if (message.id === undefined || message.method === undefined) {
    return;
  }
  switch (message.method) {
    case "initialize":
      send({
        id: message.id,
        result: {
          protocolVersion: message.params.protocolVersion,
          capabilities: { tools: { listChanged: true } },
          serverInfo: { name: "changing", version: "1.0.0" },
        },
      });
      break;
    case "tools/list":
      send({ id: message.id, result: { tools } });
      break;
    case "tools/call":
      tools.push({ name: "grown-" + tools.length, description: "Grown", inputSchema: { type: "object" } });
      send({ id: message.id, result: { content: [{ type: "text", text: "grown" }] } });
      send({ method: "notifications/tools/list_changed" });
      break;
    default:
      send({ id: message.id, error: { code: -32601, message: "Method not found" } });
  }
});
