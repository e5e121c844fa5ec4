// A fake adb server for the dashboard's browser tests, speaking the
// smart-socket protocol on 127.0.0.1 (4 hex digits of length + service;
// OKAY / FAIL + a length-prefixed message; host:transport then shell: on the
// same connection, the shell's output until the server closes). Every TV
// accepts; it records the shell commands per TV. The C++ twin with faults is
// tests/support/fake_adb_server.hpp.
import net from 'node:net';

const hex4 = (n) => n.toString(16).padStart(4, '0');
const okayWith = (text) => `OKAY${hex4(Buffer.byteLength(text))}${text}`;

export async function startFakeAdb() {
  const connected = new Set();
  const shellCommands = [];  // {serial, command}
  const server = net.createServer((socket) => {
    let buffer = '';
    let transport = null;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      while (buffer.length >= 4) {
        const length = parseInt(buffer.slice(0, 4), 16);
        if (Number.isNaN(length) || buffer.length < 4 + length) return;
        const service = buffer.slice(4, 4 + length);
        buffer = buffer.slice(4 + length);
        if (service === 'host:version') socket.end(okayWith(hex4(41)));
        else if (service === 'host:devices') socket.end(okayWith([...connected].map((s) => `${s}\tdevice\n`).join('')));
        else if (service.startsWith('host:connect:')) {
          const serial = service.slice('host:connect:'.length);
          const already = connected.has(serial);
          connected.add(serial);
          socket.end(okayWith(`${already ? 'already connected' : 'connected'} to ${serial}`));
        } else if (service.startsWith('host:disconnect:')) {
          connected.delete(service.slice('host:disconnect:'.length));
          socket.end(okayWith('disconnected'));
        } else if (service.startsWith('host:transport:')) {
          transport = service.slice('host:transport:'.length);
          if (connected.has(transport)) socket.write('OKAY');
          else socket.end(`FAIL${hex4(`device '${transport}' not found`.length)}device '${transport}' not found`);
        } else if (service.startsWith('shell:') && transport) {
          const command = service.slice('shell:'.length);
          shellCommands.push({ serial: transport, command });
          socket.end(`OKAY${command.startsWith('dumpsys power') ? 'mWakefulness=Awake\n' : ''}`);
        } else {
          socket.end(`FAIL${hex4(`unknown service ${service}`.length)}unknown service ${service}`);
        }
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    shellCommands: () => [...shellCommands],
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
