import { INPUT_CLASS } from './styles';

/** The region to launch in, from the regions this dashboard manages. */
export function RegionPicker({
  regions,
  region,
  onChange,
}: {
  regions: readonly string[];
  region: string;
  onChange: (region: string) => void;
}) {
  return (
    <div className="max-w-xs">
      <label htmlFor="launch-region" className="block text-sm font-medium text-slate-800">
        Region
      </label>
      <select
        id="launch-region"
        className={INPUT_CLASS}
        value={region}
        onChange={(event) => onChange(event.target.value)}
      >
        {regions.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <p className="mt-1 text-xs text-slate-500">
        Changing it clears the VPC, subnets, security groups and key pair chosen so far.
      </p>
    </div>
  );
}
