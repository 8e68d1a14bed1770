import { useState } from 'preact/hooks';
import { copyText } from '../clipboard';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async (): Promise<void> => {
    setDone((await copyText(text)) ? 'copied' : 'failed');
    setTimeout(() => setDone('idle'), 1500);
  };
  return (
    <button type="button" class="copy" onClick={onClick}>
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
