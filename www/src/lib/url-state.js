// The model lives in the URL: `#p=<panel>&s=<state>`, the state being the inputs that
// differ from the defaults as JSON, deflated (CompressionStream) and base64url-encoded, so
// a link reproduces the model and stays short enough to paste.

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The hash for a panel id and a state object (`null` or `{}`: the defaults). */
export async function encodeHash(panel, state) {
  const params = new URLSearchParams({ p: panel });
  if (state && Object.keys(state).length > 0) {
    const json = new TextEncoder().encode(JSON.stringify(state));
    params.set("s", toBase64Url(await pipe(json, new CompressionStream("deflate-raw"))));
  }
  return `#${params}`;
}

/** Reads a hash written by {@link encodeHash}: `{ panel, state }`; a damaged state is `{}`. */
export async function decodeHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const panel = params.get("p");
  const encoded = params.get("s");
  if (!encoded) return { panel, state: {} };
  try {
    const json = await pipe(fromBase64Url(encoded), new DecompressionStream("deflate-raw"));
    return { panel, state: JSON.parse(new TextDecoder().decode(json)) };
  } catch {
    return { panel, state: {}, damaged: true };
  }
}
