/**
 * An AWS Lambda function (Node 20/22 runtime, Function URL or HTTP API payload 2.0) serving the
 * screening handler over the embedded lists, from the list-set snapshot the package ships
 * (`createDefaultScreener()` loads it by itself). The handler is created on the
 * first invocation of each execution environment and kept for the next ones. Give the function
 * 1024 MB or more (README, "Deploying").
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { createScreeningHandler, type ScreeningHandler } from "sanctions-screen/handler";
import { createDefaultScreener } from "sanctions-screen/lists";

/** Adapts a Web `Request → Response` handler to Lambda's payload 2.0 event and result. */
export function toLambdaHandler(screen: ScreeningHandler): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> {
  return async (event) => {
    const { domainName, http } = event.requestContext;
    const url = `https://${domainName}${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ""}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(event.headers)) if (value !== undefined) headers.set(name, value);
    const body = event.body === undefined ? undefined : event.isBase64Encoded ? Buffer.from(event.body, "base64") : event.body;
    const response = await screen(new Request(url, { method: http.method, headers, ...(body === undefined ? {} : { body }) }));
    return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  };
}

let lambda: ReturnType<typeof toLambdaHandler> | undefined;

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (lambda === undefined) {
    const apiKey = process.env["SCREEN_API_KEY"];
    lambda = toLambdaHandler(createScreeningHandler({ screener: createDefaultScreener(), ...(apiKey ? { apiKey } : {}) }));
  }
  return lambda(event);
}
