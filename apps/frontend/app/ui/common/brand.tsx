import { CheckIcon } from '@/app/ui/common/icons';

/** The product's mark and name. */
export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'size-10 rounded-xl' : 'size-8 rounded-lg';
  return (
    <span className="inline-flex items-center gap-2.5">
      <span className={`${box} grid place-items-center bg-brand-600 text-white shadow-sm`}>
        <CheckIcon className={size === 'lg' ? 'size-6' : 'size-5'} strokeWidth={3} />
      </span>
      <span className={`${size === 'lg' ? 'text-2xl' : 'text-lg'} font-semibold tracking-tight`}>
        Pakaura
      </span>
    </span>
  );
}
