// The page's one io worker client, started on first use.
import { createIoClient, type IoClient } from '../../io/index';

let client: IoClient | undefined;

export function io(): IoClient {
  client ??= createIoClient();
  return client;
}
