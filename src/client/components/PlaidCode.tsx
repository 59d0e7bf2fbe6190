import { Fragment } from 'react';

// One of Plaid's codes (an error code such as INSTITUTION_NOT_RESPONDING, an exit status) in a
// narrow cell: it may break after an underscore, never inside a word.
export function PlaidCode({ children }: { children: string }) {
  const parts = children.split('_');
  return (
    <code>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </Fragment>
      ))}
    </code>
  );
}
