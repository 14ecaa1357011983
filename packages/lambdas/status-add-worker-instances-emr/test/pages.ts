// The SDK paginators reuse one input object and set its page token in place, so the inputs that
// aws-sdk-client-mock records all show the last token. This answers the pages in order and keeps a
// copy of each request as it was sent.
export interface PagedAnswers<I, O> {
  /** Each request, as it was when sent. */
  inputs: I[];
  answer: (input: I) => O;
}

export function pagedAnswers<I, O>(pages: O[]): PagedAnswers<I, O> {
  const inputs: I[] = [];
  return {
    inputs,
    answer: (input) => {
      inputs.push(structuredClone(input));
      const page = pages[inputs.length - 1];
      if (page === undefined) throw new Error(`asked for page ${inputs.length} of ${pages.length}`);
      return page;
    },
  };
}
