// The organisation's uploaded pictures, handed to the picture menus deep in the question editor
// without threading them through every component between (the builder route provides them).
import { createContext, useContext, type ReactNode } from "react";

export type UploadedPicture = { src: string; altText: string };
type UploadedPictures = { pictures: UploadedPicture[]; uploadHref: string | null };

const UploadedPicturesContext = createContext<UploadedPictures>({ pictures: [], uploadHref: null });

export function UploadedPicturesProvider({ children, ...value }: UploadedPictures & { children: ReactNode }) {
  return <UploadedPicturesContext.Provider value={value}>{children}</UploadedPicturesContext.Provider>;
}

export function useUploadedPictures(): UploadedPictures {
  return useContext(UploadedPicturesContext);
}
