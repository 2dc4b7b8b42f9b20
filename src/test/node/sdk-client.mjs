// The official TypeScript SDK client against a pbimcp server: connects over the given transport,
// asking for the given protocol revision (the SDK itself always asks for its newest; it accepts
// every revision it lists as supported, so the request is rewritten on its way out), then lists
// tools, calls one, reads a resource and gets a prompt. Prints one RESULT line.
//
//   node sdk-client.mjs <base-url> <http|sse> <revision>
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

const [base, kind, revision] = process.argv.slice(2);
const transport = kind === 'sse'
  ? new SSEClientTransport(new URL(base + '/sse'))
  : new StreamableHTTPClientTransport(new URL(base + '/mcp'));
const send = transport.send.bind(transport);
transport.send = (message, options) => {
  if (message.method === 'initialize') message.params.protocolVersion = revision;
  return send(message, options);
};

let negotiated;
const setVersion = transport.setProtocolVersion?.bind(transport);
transport.setProtocolVersion = (v) => { negotiated = v; setVersion?.(v); };

const client = new Client({ name: 'pbimcp-sdk-client', version: '1.0.0' });
await client.connect(transport);
const tools = await client.listTools();
const status = await client.callTool({ name: 'get_powerbi_status', arguments: {} });
const resource = await client.readResource({ uri: 'test://static-text' });
const prompt = await client.getPrompt({
  name: 'explore_powerbi_model',
  arguments: { workspace_id: 'w', dataset_id: 'd' },
});
console.log('RESULT ' + JSON.stringify({
  transport: kind,
  negotiated,
  serverName: client.getServerVersion()?.name,
  tools: tools.tools.length,
  backend: status.structuredContent?.backend,
  isError: status.isError ?? false,
  resourceText: resource.contents[0]?.text,
  promptMessages: prompt.messages.length,
}));
await client.close();
